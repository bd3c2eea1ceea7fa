#include "serve/store_pool.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

namespace annals::serve {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

class StorePoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("annals_store_pool_test_" + std::to_string(getpid()) + ".db")).string();
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(path_ + s);
    ASSERT_TRUE(store::Store::Open(path_, false).ok());  // creates the schema
  }
  void TearDown() override {
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(path_ + s);
  }
  std::string path_;
};

// Polls until `pool` has `n` requests queued (the threads below queue one at a time).
void WaitForQueue(const StorePool& pool, size_t n) {
  for (int i = 0; i < 5000 && pool.Waiting() != n; ++i) std::this_thread::sleep_for(milliseconds(1));
  ASSERT_EQ(pool.Waiting(), n);
}

TEST_F(StorePoolTest, AFreedConnectionGoesToTheOldestWaiter) {
  auto pool = StorePool::Open(path_, 1).value();
  std::optional<StorePool::Lease> held = pool->Acquire(milliseconds(5000), milliseconds(0));
  ASSERT_TRUE(held.has_value());
  EXPECT_EQ(pool->Waiting(), 0u);
  std::mutex order_mutex;
  std::vector<int> order;
  std::vector<std::thread> requests;
  for (int i = 0; i < 4; ++i) {
    requests.emplace_back([&, i] {
      std::optional<StorePool::Lease> lease = pool->Acquire(milliseconds(5000), milliseconds(10000));
      ASSERT_TRUE(lease.has_value());
      std::lock_guard<std::mutex> lock(order_mutex);
      order.push_back(i);
    });
    WaitForQueue(*pool, static_cast<size_t>(i) + 1);
  }
  held.reset();  // each request in turn takes the connection and gives it back
  for (std::thread& t : requests) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(pool->Waiting(), 0u);
}

TEST_F(StorePoolTest, AWaiterThatGivesUpLeavesTheQueue) {
  auto pool = StorePool::Open(path_, 1).value();
  std::optional<StorePool::Lease> held = pool->Acquire(milliseconds(5000), milliseconds(0));
  ASSERT_TRUE(held.has_value());
  EXPECT_FALSE(pool->Acquire(milliseconds(5000), milliseconds(20)).has_value());
  EXPECT_EQ(pool->Waiting(), 0u);
  held.reset();
  // Freed with nobody waiting: the next request takes it at once.
  EXPECT_TRUE(pool->Acquire(milliseconds(5000), milliseconds(0)).has_value());
}

}  // namespace
}  // namespace annals::serve
