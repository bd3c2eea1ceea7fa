#include "serve/store_pool.h"

#include <sqlite3.h>

#include <algorithm>

namespace annals::serve {

using Clock = std::chrono::steady_clock;

struct StorePool::Slot {
  std::unique_ptr<store::Store> store;
  std::atomic<int64_t> deadline_ns{INT64_MAX};  // steady clock; INT64_MAX: no deadline
  std::atomic<bool> timed_out{false};
};

namespace {

constexpr int kProgressSteps = 4000;  // VM steps between deadline checks (~tens of microseconds)

int CheckDeadline(void* data) {
  auto* slot = static_cast<StorePool::Slot*>(data);
  const int64_t now = Clock::now().time_since_epoch().count();
  if (now <= slot->deadline_ns.load(std::memory_order_relaxed)) return 0;
  slot->timed_out.store(true, std::memory_order_relaxed);
  return 1;  // interrupts the statement
}

}  // namespace

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& path, int connections) {
  if (connections < 1) return Status(ErrorCode::kInvalidArgument, "the store needs at least one connection");
  std::unique_ptr<StorePool> pool(new StorePool());
  pool->path_ = path;
  for (int i = 0; i < connections; ++i) {
    Result<std::unique_ptr<store::Store>> opened = store::Store::Open(path, true);
    if (!opened.ok()) return opened.status();
    auto slot = std::make_unique<Slot>();
    slot->store = std::move(opened).value();
    sqlite3_progress_handler(slot->store->db()->handle(), kProgressSteps, CheckDeadline, slot.get());
    pool->free_.push_back(slot.get());
    pool->slots_.push_back(std::move(slot));
  }
  return pool;
}

StorePool::~StorePool() {
  for (auto& slot : slots_) sqlite3_progress_handler(slot->store->db()->handle(), 0, nullptr, nullptr);
}

std::optional<StorePool::Lease> StorePool::Acquire(std::chrono::milliseconds limit, std::chrono::milliseconds wait) {
  std::unique_lock<std::mutex> lock(mutex_);
  Slot* slot = nullptr;
  if (waiters_.empty() && !free_.empty()) {
    slot = free_.back();
    free_.pop_back();
  } else {
    // Queue behind the earlier requests until Release hands this one a connection.
    Waiter waiter;
    waiters_.push_back(&waiter);
    if (!waiter.handed.wait_for(lock, wait, [&] { return waiter.slot != nullptr; })) {
      waiters_.erase(std::find(waiters_.begin(), waiters_.end(), &waiter));
      return std::nullopt;
    }
    slot = waiter.slot;
  }
  lock.unlock();
  const Clock::time_point deadline = Clock::now() + limit;
  slot->timed_out.store(false, std::memory_order_relaxed);
  slot->deadline_ns.store(deadline.time_since_epoch().count(), std::memory_order_relaxed);
  return Lease(this, slot);
}

void StorePool::Release(Slot* slot) {
  slot->deadline_ns.store(INT64_MAX, std::memory_order_relaxed);
  std::lock_guard<std::mutex> lock(mutex_);
  if (waiters_.empty()) {
    free_.push_back(slot);
    return;
  }
  Waiter* oldest = waiters_.front();
  waiters_.pop_front();
  oldest->slot = slot;
  oldest->handed.notify_one();  // under the lock: the waiter cannot leave before it is told
}

size_t StorePool::Waiting() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiters_.size();
}

StorePool::Lease::~Lease() {
  if (slot_) pool_->Release(slot_);
}

store::Store* StorePool::Lease::store() const { return slot_->store.get(); }
bool StorePool::Lease::timed_out() const { return slot_->timed_out.load(std::memory_order_relaxed); }

}  // namespace annals::serve
