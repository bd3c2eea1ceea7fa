// Read-only connections to one store, lent to one request at a time, each with a
// time limit on the SQL it runs.
//
// A Store is one SQLite connection and must not be shared between threads, so the
// server opens a few (read-only: nothing a request does can write) and lends them
// out. While lent, a connection carries a deadline: SQLite's progress handler, called
// every few thousand virtual machine steps, interrupts the running statement once the
// deadline has passed (the statement then fails with "interrupted").
// Waiting requests are served first come, first served: a freed connection goes to the
// oldest waiter, never to a request that arrives later, so that under load every
// request waits about as long as the others (no starved request in the tail).
#ifndef ANNALS_SERVE_STORE_POOL_H_
#define ANNALS_SERVE_STORE_POOL_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "annals/annals.h"
#include "store/store.h"

namespace annals::serve {

class StorePool {
 public:
  // Opens `connections` (>= 1) read-only connections to the store at `path`.
  static Result<std::unique_ptr<StorePool>> Open(const std::string& path, int connections);
  ~StorePool();

  struct Slot;

  // A connection lent to the caller; given back when destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(other.slot_) { other.slot_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    store::Store* store() const;
    // Whether the deadline interrupted a statement.
    bool timed_out() const;

   private:
    friend class StorePool;
    Lease(StorePool* pool, Slot* slot) : pool_(pool), slot_(slot) {}
    StorePool* pool_;
    Slot* slot_;
  };

  // Waits (at most `wait`) for a free connection and arms its deadline `limit` from
  // the moment it is lent: the time limit is on the SQL, not on the queue. Returns
  // nullopt when none came free in time (the server is overloaded).
  std::optional<Lease> Acquire(std::chrono::milliseconds limit, std::chrono::milliseconds wait);

  const std::string& path() const { return path_; }

  // The number of requests waiting for a connection now.
  size_t Waiting() const;

 private:
  StorePool() = default;
  void Release(Slot* slot);
  // A request waiting for a connection; Release hands it one by setting `slot`.
  struct Waiter {
    Slot* slot = nullptr;
    std::condition_variable handed;
  };
  std::string path_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<Slot*> free_;     // connections not lent; empty while anyone waits
  std::deque<Waiter*> waiters_;  // oldest first
  mutable std::mutex mutex_;
};

}  // namespace annals::serve

#endif  // ANNALS_SERVE_STORE_POOL_H_
