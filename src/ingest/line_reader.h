// Reads a file or stdin line by line with one reusable buffer.
#ifndef ANNALS_INGEST_LINE_READER_H_
#define ANNALS_INGEST_LINE_READER_H_

#include <cstdint>
#include <cstdio>
#include <string>

namespace annals {

class LineReader {
 public:
  // Takes ownership of `file` unless it is stdin. `max_line` bounds memory: a longer
  // line is consumed to its end but reported as too long, its bytes not kept.
  LineReader(std::FILE* file, uint64_t max_line);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  enum class Outcome { kLine, kTooLong, kEnd, kError };
  // Reads the next line (without its '\n' or '\r\n') into `line`.
  Outcome Next(std::string* line);
  uint64_t line_number() const { return line_number_; }
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  bool Fill();  // refills buf_; false at end of input or on error
  std::FILE* file_;
  uint64_t max_line_;
  std::string buf_;
  size_t pos_ = 0, size_ = 0;
  uint64_t line_number_ = 0;
  uint64_t bytes_read_ = 0;
  bool error_ = false;
};

}  // namespace annals

#endif  // ANNALS_INGEST_LINE_READER_H_
