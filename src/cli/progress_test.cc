#include "cli/progress.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace annals::cli {
namespace {

using std::chrono::milliseconds;

TEST(FormatCountTest, GroupsThousands) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1000), "1,000");
  EXPECT_EQ(FormatCount(100000), "100,000");
  EXPECT_EQ(FormatCount(12345678), "12,345,678");
}

TEST(FormatDurationTest, MinutesThenHours) {
  EXPECT_EQ(FormatDuration(7), "0:07");
  EXPECT_EQ(FormatDuration(59.6), "1:00");
  EXPECT_EQ(FormatDuration(750), "12:30");
  EXPECT_EQ(FormatDuration(3600), "1:00:00");
  EXPECT_EQ(FormatDuration(7509), "2:05:09");
  EXPECT_EQ(FormatDuration(-3), "0:00");
}

TEST(FormatProgressTest, KnownSizeHasBarShareAndEta) {
  ProgressSnapshot p;
  p.articles = 12345;
  p.bytes = 45'200'000;
  p.total_bytes = 110'000'000;
  p.seconds = 5;
  // 12,345 / 5 s = 2,469 articles/s; 64.8 MB left at 9.04 MB/s = 7.2 s.
  EXPECT_EQ(FormatProgress(p), "[####------]  41%  12,345 articles  45.2/110.0 MB  2,469 articles/s  ETA 0:07");
}

TEST(FormatProgressTest, UnknownSizeHasByteRateInstead) {
  ProgressSnapshot p;
  p.articles = 2225;
  p.bytes = 5'400'000;
  p.seconds = 2;
  EXPECT_EQ(FormatProgress(p), "2,225 articles  5.4 MB  1,113 articles/s  2.7 MB/s");
}

TEST(FormatProgressTest, NoRatesBeforeTimeOrBytes) {
  ProgressSnapshot p;
  p.total_bytes = 110'000'000;
  EXPECT_EQ(FormatProgress(p), "[----------]   0%  0 articles  0.0/110.0 MB");
  p.total_bytes = 0;
  p.articles = 1;
  p.seconds = 3;
  EXPECT_EQ(FormatProgress(p), "1 article  0.0 MB");
}

TEST(FormatProgressTest, DoneAndOverrunAreCappedAtTheTotal) {
  ProgressSnapshot p;
  p.articles = 40;
  p.bytes = 2'000'000;
  p.total_bytes = 2'000'000;
  p.seconds = 4;
  EXPECT_EQ(FormatProgress(p), "[##########] 100%  40 articles  2.0/2.0 MB  10 articles/s  ETA 0:00");
  p.bytes = 2'500'000;  // a file that grew while it was read
  EXPECT_EQ(FormatProgress(p), "[##########] 100%  40 articles  2.5/2.0 MB  10 articles/s  ETA 0:00");
}

std::string Contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string s;
  int c;
  while ((c = std::fgetc(f)) != EOF) s.push_back(static_cast<char>(c));
  return s;
}

TEST(ProgressLineTest, DisabledWritesNothing) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  ProgressLine line(f, false, t0);
  line.Update(10, 1'000'000, 4'000'000, t0 + milliseconds(5000));
  line.Clear();
  EXPECT_EQ(Contents(f), "");
  std::fclose(f);
}

TEST(ProgressLineTest, RedrawsAtTheIntervalAndClears) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  ProgressLine line(f, true, t0);
  line.Clear();  // nothing drawn yet: nothing to erase
  line.Update(5, 500'000, 4'000'000, t0 + milliseconds(100));  // too soon
  EXPECT_EQ(Contents(f), "");
  std::fseek(f, 0, SEEK_END);
  line.Update(10, 1'000'000, 4'000'000, t0 + milliseconds(250));
  line.Update(11, 1'100'000, 4'000'000, t0 + milliseconds(300));  // 50 ms after the drawing
  line.Clear();
  line.Clear();  // already erased
  EXPECT_EQ(Contents(f), "\r[##--------]  25%  10 articles  1.0/4.0 MB  40 articles/s  ETA 0:01\x1b[K\r\x1b[K");
  std::fclose(f);
}

TEST(ProgressLineTest, ShowsOnlyOnATerminalWithoutQuiet) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(ProgressLine::ShouldShow(f, false));
  std::fclose(f);
  // A pseudo-terminal stands for the user's terminal.
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  ASSERT_GE(master, 0);
  ASSERT_EQ(::grantpt(master), 0);
  ASSERT_EQ(::unlockpt(master), 0);
  const int slave = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
  ASSERT_GE(slave, 0);
  std::FILE* tty = ::fdopen(slave, "w");
  ASSERT_NE(tty, nullptr);
  EXPECT_TRUE(ProgressLine::ShouldShow(tty, false));
  EXPECT_FALSE(ProgressLine::ShouldShow(tty, true));
  std::fclose(tty);
  ::close(master);
}

}  // namespace
}  // namespace annals::cli
