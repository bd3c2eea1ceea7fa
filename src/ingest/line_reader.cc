#include "ingest/line_reader.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace annals {

namespace {
constexpr size_t kBufferSize = 1 << 20;
}

LineReader::LineReader(std::FILE* file, uint64_t max_line) : file_(file), max_line_(max_line) {
  buf_.resize(kBufferSize);
}

LineReader::~LineReader() {
  if (file_ && file_ != stdin) std::fclose(file_);
}

bool LineReader::Fill() {
  pos_ = 0;
  const int fd = ::fileno(file_);
  if (fd < 0) {  // a stream without a descriptor (fmemopen)
    size_ = std::fread(buf_.data(), 1, buf_.size(), file_);
    if (size_ == 0 && std::ferror(file_)) error_ = true;
    return size_ > 0;
  }
  // read(2) rather than fread: on a pipe it returns what has arrived instead of waiting
  // for a full buffer, so a stream filter (`annals code -`) answers each line as it comes.
  ssize_t n;
  do {
    n = ::read(fd, buf_.data(), buf_.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    error_ = true;
    size_ = 0;
    return false;
  }
  size_ = static_cast<size_t>(n);
  return size_ > 0;
}

LineReader::Outcome LineReader::Next(std::string* line) {
  line->clear();
  bool any = false;
  bool too_long = false;
  while (true) {
    if (pos_ == size_ && !Fill()) {
      if (error_) return Outcome::kError;
      if (!any) return Outcome::kEnd;
      break;  // last line without a newline
    }
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', size_ - pos_);
    const size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : size_ - pos_;
    if (!too_long) {
      if (line->size() + take > max_line_) {
        too_long = true;
        line->clear();
        line->shrink_to_fit();
      } else {
        line->append(start, take);
      }
    }
    pos_ += take;
    bytes_read_ += take;
    if (nl) {
      ++pos_;
      ++bytes_read_;
      break;
    }
  }
  ++line_number_;
  if (too_long) return Outcome::kTooLong;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return Outcome::kLine;
}

}  // namespace annals
