#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace annals::cli {
namespace {

constexpr int kBarWidth = 10;

std::string Megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / 1e6);
  return buf;
}

// The terminal's width in columns, or 0 when it cannot be told.
size_t TerminalWidth(std::FILE* stream) {
  struct winsize size {};
  if (::ioctl(::fileno(stream), TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

}  // namespace

std::string FormatCount(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string FormatDuration(double seconds) {
  const uint64_t s = seconds > 0 ? static_cast<uint64_t>(std::llround(seconds)) : 0;
  char buf[48];
  if (s < 3600)
    std::snprintf(buf, sizeof buf, "%llu:%02llu", static_cast<unsigned long long>(s / 60),
                  static_cast<unsigned long long>(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%llu:%02llu:%02llu", static_cast<unsigned long long>(s / 3600),
                  static_cast<unsigned long long>(s / 60 % 60), static_cast<unsigned long long>(s % 60));
  return buf;
}

std::string FormatProgress(const ProgressSnapshot& p) {
  std::string out;
  const bool known = p.total_bytes > 0;
  const bool rates = p.seconds > 0 && p.bytes > 0;
  // Step 1: the bar and the share done.
  if (known) {
    const uint64_t done = std::min(p.bytes, p.total_bytes);
    const int filled = static_cast<int>(done * kBarWidth / p.total_bytes);
    const int percent = static_cast<int>(done * 100 / p.total_bytes);
    out += '[';
    out.append(filled, '#');
    out.append(kBarWidth - filled, '-');
    out += ']';
    char buf[16];
    std::snprintf(buf, sizeof buf, " %3d%%  ", percent);
    out += buf;
  }
  // Step 2: the counts.
  out += FormatCount(p.articles);
  out += p.articles == 1 ? " article  " : " articles  ";
  out += Megabytes(p.bytes);
  if (known) out += "/" + Megabytes(p.total_bytes);
  out += " MB";
  if (!rates) return out;
  // Step 3: the rates, and the time left when the size is known.
  out += "  " + FormatCount(static_cast<uint64_t>(std::llround(static_cast<double>(p.articles) / p.seconds))) +
         " articles/s";
  const double bytes_per_second = static_cast<double>(p.bytes) / p.seconds;
  if (known) {
    const uint64_t left = p.total_bytes > p.bytes ? p.total_bytes - p.bytes : 0;
    out += "  ETA " + FormatDuration(static_cast<double>(left) / bytes_per_second);
  } else {
    out += "  " + Megabytes(static_cast<uint64_t>(bytes_per_second)) + " MB/s";
  }
  return out;
}

bool ProgressLine::ShouldShow(std::FILE* stream, bool quiet) { return !quiet && ::isatty(::fileno(stream)) == 1; }

ProgressLine::ProgressLine(std::FILE* stream, bool enabled, std::chrono::steady_clock::time_point start)
    : stream_(stream), enabled_(enabled), start_(start), last_draw_(start) {}

void ProgressLine::Update(uint64_t articles, uint64_t bytes, uint64_t total_bytes) {
  if (enabled_) Update(articles, bytes, total_bytes, std::chrono::steady_clock::now());
}

void ProgressLine::Update(uint64_t articles, uint64_t bytes, uint64_t total_bytes,
                          std::chrono::steady_clock::time_point now) {
  if (!enabled_ || now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  ProgressSnapshot snapshot;
  snapshot.articles = articles;
  snapshot.bytes = bytes;
  snapshot.total_bytes = total_bytes;
  snapshot.seconds = std::chrono::duration<double>(now - start_).count();
  std::string line = FormatProgress(snapshot);
  // A line longer than the terminal would wrap, and "\r" would then redraw only its
  // last part: cut it to the width (the text is ASCII, one column a byte).
  if (const size_t width = TerminalWidth(stream_); width > 1 && line.size() >= width) line.resize(width - 1);
  std::fprintf(stream_, "\r%s\x1b[K", line.c_str());
  std::fflush(stream_);
  drawn_ = true;
}

void ProgressLine::Clear() {
  if (!drawn_) return;
  std::fputs("\r\x1b[K", stream_);
  std::fflush(stream_);
  drawn_ = false;
}

}  // namespace annals::cli
