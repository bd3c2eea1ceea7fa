#include "serve/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace annals::serve {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("annals_static_test_" + std::to_string(getpid()));
    fs::remove_all(base_);
    fs::create_directories(base_ / "web" / "vendor");
    Write(base_ / "web" / "index.html", "<!doctype html>");
    Write(base_ / "web" / "app.js", "1");
    Write(base_ / "web" / "vendor" / "d3.min.js", "2");
    Write(base_ / "web" / "store.db", "data");
    Write(base_ / "secret.txt", "secret");
    fs::create_symlink(base_ / "secret.txt", base_ / "web" / "link.txt");
    fs::create_directory_symlink(base_, base_ / "web" / "up");
  }
  void TearDown() override { fs::remove_all(base_); }
  static void Write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

  fs::path base_;
};

TEST_F(StaticFilesTest, ServesFilesInsideWithTheirTypes) {
  Result<StaticFiles> files = StaticFiles::Open(base_ / "web");
  ASSERT_TRUE(files.ok()) << files.status().message();
  Result<StaticFiles::File> f = files.value().Resolve("/");
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f.value().path.filename(), "index.html");
  EXPECT_EQ(f.value().content_type, "text/html; charset=utf-8");
  f = files.value().Resolve("/vendor/d3.min.js");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f.value().content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(files.value().ContentType("MAP.JSON"), "application/json; charset=utf-8");
  EXPECT_EQ(files.value().ContentType("store.db"), "");
}

TEST_F(StaticFilesTest, RefusesEverythingElse) {
  const StaticFiles files = StaticFiles::Open(base_ / "web").value();
  // Leaving the folder, by name or through links, and odd segments.
  for (const char* path : {"/../secret.txt", "/vendor/../../secret.txt", "/./app.js", "//app.js", "/vendor//d3.min.js",
                           "/link.txt", "/up/secret.txt", "/..\\secret.txt", "app.js", "",
                           "/store.db"}) {
    Result<StaticFiles::File> f = files.Resolve(path);
    EXPECT_FALSE(f.ok()) << path;
    if (!f.ok()) {
      EXPECT_EQ(f.status().code(), ErrorCode::kInvalidArgument) << path;
    }
  }
  EXPECT_FALSE(files.Resolve(std::string("/app.js\0.html", 14)).ok());
  // Absent files and folders are kIo (404).
  EXPECT_EQ(files.Resolve("/missing.js").status().code(), ErrorCode::kIo);
  EXPECT_EQ(files.Resolve("/vendor").status().code(), ErrorCode::kIo);
  EXPECT_EQ(StaticFiles::Open(base_ / "absent").status().code(), ErrorCode::kIo);
}

}  // namespace
}  // namespace annals::serve
