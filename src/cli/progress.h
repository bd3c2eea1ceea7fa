// The progress line of `annals code` on stderr: articles done, megabytes read, the rate,
// and, when the size of the input is known, a bar, the share done and the time left.
//
//   [########------------]  41%  12,345 articles  45.2/110.0 MB  2,345 articles/s  ETA 0:28
//   12,345 articles  45.2 MB  2,345 articles/s  6.1 MB/s          (size unknown: stdin)
//
// The line is redrawn in place ("\r" then the text, then "\x1b[K" to erase what a longer
// previous line left) at most every kRedrawInterval, and erased before any other message
// goes to the same stream and at the end, so it never mixes with the summary line.
// It shows only on a terminal: a log file or a pipe gets no progress (ShouldShow).
#ifndef ANNALS_CLI_PROGRESS_H_
#define ANNALS_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace annals::cli {

// What the progress line reports at one moment.
struct ProgressSnapshot {
  uint64_t articles = 0;     // articles (and skipped units) written so far
  uint64_t bytes = 0;        // input bytes consumed by the articles written so far
  uint64_t total_bytes = 0;  // the input's size; 0 when unknown (stdin, a pipe)
  double seconds = 0;        // since the start
};

// The progress text for `snapshot`, without "\r" or a newline (examples above). The rates
// are averages since the start; the ETA assumes the same byte rate for the rest. Rates
// and the ETA are left out while `seconds` or `bytes` is 0.
std::string FormatProgress(const ProgressSnapshot& snapshot);

// "0", "999", "1,000", "12,345,678".
std::string FormatCount(uint64_t n);

// A duration as "M:SS" under an hour, else "H:MM:SS" ("0:07", "12:30", "2:05:09").
// Rounded to the nearest second; negative values count as 0.
std::string FormatDuration(double seconds);

class ProgressLine {
 public:
  static constexpr std::chrono::milliseconds kRedrawInterval{200};

  // Whether a progress line belongs on `stream`: it is a terminal and --quiet is off.
  static bool ShouldShow(std::FILE* stream, bool quiet);

  // A line on `stream`, drawn only when `enabled` (else every call does nothing); the
  // rates count from `start`.
  ProgressLine(std::FILE* stream, bool enabled,
               std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now());

  // Records the counts and redraws the line when kRedrawInterval has passed since the
  // start or the last drawing (so a run shorter than the interval shows no line).
  void Update(uint64_t articles, uint64_t bytes, uint64_t total_bytes);
  // The same at the time `now` (for tests).
  void Update(uint64_t articles, uint64_t bytes, uint64_t total_bytes, std::chrono::steady_clock::time_point now);

  // Erases the line if it is drawn, so that the caller can print a message; the next
  // Update draws it again.
  void Clear();

  bool enabled() const { return enabled_; }

 private:
  std::FILE* stream_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace annals::cli

#endif  // ANNALS_CLI_PROGRESS_H_
