// WARC files: the HTML pages of a web crawl.
//
// Reading a crawl that may be damaged
// -----------------------------------
// A WARC file is a sequence of records, each a "WARC/1.x" version line, header lines,
// a blank line, Content-Length bytes of block and two CRLFs. Crawlers compress each
// record as its own gzip member, so that a record can be read from its offset alone.
// Crawls arrive damaged: a download cut mid-member, a member corrupted in storage, a
// writer that got a Content-Length wrong. One bad record must cost that record only.
//
// Two layers keep the damage local:
//
// 1. Inflow turns the file into one stream of bytes (gunzipped member after member, or
//    read as is) and marks *breaks* in it: stream positions where a member was corrupt
//    or truncated. On a zlib error it reports a break at the end of what the member gave,
//    seeks back to one byte after the member's start and scans for the next gzip magic
//    (1f 8b 08), so that a truncated member, whose inflater may run on into the next
//    member's bytes before it notices, does not take its neighbour with it. A false magic
//    inside the bad member fails in turn and the scan moves on, so each retry starts
//    further into the file and the scan ends.
// 2. WarcReader cuts the stream into records. A record must start with "WARC/" (else
//    the bytes up to the next line starting "WARC/1." are reported and skipped), have a
//    header that ends within 64 KB and a Content-Length, contain no break (else the break
//    is reported and reading resumes at it: a new member starts there), and be followed
//    by CRLF CRLF. When that terminator is missing the Content-Length lied: the record is
//    reported and reading resumes at the first line starting "WARC/1." after the header,
//    which finds the next record whether the length was too short or swallowed the next
//    record. Blocks over the size limit, and blocks of records that are not wanted, are
//    skipped through without being kept; everything else is held whole, so memory stays
//    within the size limit plus a 64 KB chunk.
//
// A response record is read as an HTTP message: status 2xx, a Content-Type that is HTML
// (or none, and a body that starts like HTML), chunked transfer and gzip or deflate
// content encodings undone; anything else is passed over without a report, as crawls are
// full of redirects, images and robots.txt files.
#include "ingest/warc_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <optional>

#include "ingest/article_fields.h"
#include "ingest/html_reader.h"

namespace annals {
namespace {

constexpr size_t kChunk = 1 << 16;
constexpr size_t kMaxHeaderBytes = 64 << 10;
constexpr size_t kCompactAt = 1 << 20;  // the buffer drops what it has read past this
constexpr size_t kMaxRead = 1 << 20;    // the most one Inflow::Read is asked for

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

bool ContainsNoCase(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return false;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i)
    if (EqualsNoCase(haystack.substr(i, needle.size()), needle)) return true;
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "Name: value" header lines (WARC or HTTP), names compared without case.
class Headers {
 public:
  // Parses the lines of `text` after the first (the version or status line).
  explicit Headers(std::string_view text) {
    size_t at = text.find('\n');
    while (at != std::string_view::npos && at + 1 < text.size()) {
      const size_t next = text.find('\n', at + 1);
      const std::string_view line = text.substr(at + 1, (next == std::string_view::npos ? text.size() : next) - at - 1);
      const size_t colon = line.find(':');
      if (colon != std::string_view::npos)
        fields_.emplace_back(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
      at = next;
    }
  }
  std::string_view Get(std::string_view name) const {
    for (const auto& [key, value] : fields_)
      if (EqualsNoCase(key, name)) return value;
    return {};
  }

 private:
  std::vector<std::pair<std::string_view, std::string_view>> fields_;
};

std::optional<uint64_t> ParseLength(std::string_view s) {
  s = Trim(s);
  if (s.empty() || s.size() > 15) return std::nullopt;
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  return n;
}

// ---------------------------------------------------------------- layer 1: Inflow

// A place where the stream does not continue what came before.
struct Break {
  uint64_t at = 0;           // stream position
  uint64_t file_offset = 0;  // where the damage is in the file
  std::string reason;
};

class Inflow {
 public:
  Inflow(std::FILE* file, bool gzip) : file_(file), gzip_(gzip), in_(kChunk) {
    if (gzip_) {
      std::memset(&z_, 0, sizeof z_);
      z_ok_ = inflateInit2(&z_, 15 + 16) == Z_OK;
    }
    members_.push_back({0, 0});
  }
  ~Inflow() {
    if (gzip_ && z_ok_) inflateEnd(&z_);
    std::fclose(file_);
  }
  Inflow(const Inflow&) = delete;
  Inflow& operator=(const Inflow&) = delete;

  // Appends up to `max` bytes of the stream to `out`; returns how many (0: the end).
  size_t Read(std::string* out, size_t max) {
    if (!gzip_) {
      const size_t old = out->size();
      out->resize(old + max);
      const size_t n = std::fread(out->data() + old, 1, max, file_);
      out->resize(old + n);
      position_ += n;
      return n;
    }
    if (!z_ok_) return 0;
    size_t produced = 0;
    while (produced == 0) {
      if (!in_member_) {
        if (!FindMember()) return 0;
        continue;
      }
      if (in_pos_ == in_len_ && !Refill()) {
        AddBreak(member_offset_, "gzip member is truncated: the file ends inside it");
        in_member_ = false;
        continue;
      }
      const size_t old = out->size();
      out->resize(old + max);
      z_.next_in = in_.data() + in_pos_;
      z_.avail_in = static_cast<uInt>(in_len_ - in_pos_);
      z_.next_out = reinterpret_cast<Bytef*>(out->data() + old);
      z_.avail_out = static_cast<uInt>(max);
      const int rc = inflate(&z_, Z_NO_FLUSH);
      const size_t n = max - z_.avail_out;
      out->resize(old + n);
      produced += n;
      position_ += n;
      in_pos_ = in_len_ - z_.avail_in;
      if (rc == Z_STREAM_END) {
        in_member_ = false;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        AddBreak(member_offset_, std::string("gzip member is corrupt (") + (z_.msg ? z_.msg : "zlib error") + ")");
        in_member_ = false;
        ResumeAt(member_offset_ + 1);
      }
    }
    return produced;
  }

  // The position in the stream of the next byte Read gives.
  uint64_t position() const { return position_; }
  // File bytes consumed, for progress.
  uint64_t file_bytes() const { return gzip_ ? in_file_offset_ + in_pos_ : position_; }
  // The file offset of the record that starts at stream position `at`: the offset of the
  // gzip member holding it (the last member that starts at or before it), or `at`.
  uint64_t FileOffset(uint64_t at) const {
    if (!gzip_) return at;
    uint64_t offset = members_.front().file_offset;
    for (const Member& m : members_) {
      if (m.at > at) break;
      offset = m.file_offset;
    }
    return offset;
  }
  // Whether a gzip member starts at stream position `at`: in a file compressed record by
  // record, a record boundary even when the bytes before it do not end a line.
  bool MemberStartsAt(uint64_t at) const {
    if (!gzip_) return false;
    for (const Member& m : members_)
      if (m.at == at) return true;
    return false;
  }
  // Forgets the members that end before stream position `at`.
  void ForgetBefore(uint64_t at) {
    while (members_.size() >= 2 && members_[1].at <= at) members_.pop_front();
  }
  std::deque<Break>& breaks() { return breaks_; }

 private:
  struct Member {
    uint64_t at;           // stream position of its first byte
    uint64_t file_offset;  // file offset of its gzip header
  };

  void AddBreak(uint64_t file_offset, std::string reason) {
    breaks_.push_back(Break{position_, file_offset, std::move(reason)});
  }

  // Moves the unread input to the front of in_ and reads more; false when nothing more.
  bool Refill() {
    if (in_pos_ > 0) {
      std::memmove(in_.data(), in_.data() + in_pos_, in_len_ - in_pos_);
      in_file_offset_ += in_pos_;
      in_len_ -= in_pos_;
      in_pos_ = 0;
    }
    const size_t n = std::fread(in_.data() + in_len_, 1, in_.size() - in_len_, file_);
    in_len_ += n;
    return n > 0;
  }

  // Reads on from file offset `offset` (or from where it is, if the file cannot seek).
  void ResumeAt(uint64_t offset) {
    if (fseeko(file_, static_cast<off_t>(offset), SEEK_SET) == 0) {
      in_file_offset_ = offset;
      in_pos_ = in_len_ = 0;
    }
    quiet_skip_ = true;  // the bytes up to the next member belong to the bad one
  }

  // Advances the input to the next gzip member and starts it; false at the end of the
  // file. Bytes skipped that are not zero padding are reported as a break.
  bool FindMember() {
    uint64_t skipped = 0, skipped_from = in_file_offset_ + in_pos_;
    bool junk = false;
    bool found = false;
    while (true) {
      if (in_len_ - in_pos_ < 3 && !Refill() && in_len_ - in_pos_ < 3) {
        for (; in_pos_ < in_len_; ++in_pos_, ++skipped) junk |= in_[in_pos_] != 0;
        break;
      }
      if (in_[in_pos_] == 0x1f && in_[in_pos_ + 1] == 0x8b && in_[in_pos_ + 2] == 8) {
        found = true;
        break;
      }
      const unsigned char c = in_[in_pos_];
      junk |= c != 0 && c != '\n' && c != '\r';
      ++skipped;
      ++in_pos_;
    }
    if (junk && !quiet_skip_)
      AddBreak(skipped_from, std::to_string(skipped) + " bytes that are not a gzip member; skipped");
    if (!found) return false;
    quiet_skip_ = false;
    inflateReset(&z_);
    member_offset_ = in_file_offset_ + in_pos_;
    members_.push_back({position_, member_offset_});
    in_member_ = true;
    return true;
  }

  std::FILE* file_;
  bool gzip_;
  z_stream z_;
  bool z_ok_ = false;
  std::vector<unsigned char> in_;
  size_t in_pos_ = 0, in_len_ = 0;
  uint64_t in_file_offset_ = 0;  // file offset of in_[0]
  bool in_member_ = false;
  bool quiet_skip_ = false;
  uint64_t member_offset_ = 0;
  uint64_t position_ = 0;
  std::deque<Member> members_;
  std::deque<Break> breaks_;
};

// ---------------------------------------------------------------- HTTP payloads

// Undoes chunked transfer coding; nullopt when malformed or over `max` bytes.
std::optional<std::string> Dechunk(std::string_view body, uint64_t max) {
  std::string out;
  size_t at = 0;
  while (at < body.size()) {
    const size_t eol = body.find('\n', at);
    if (eol == std::string_view::npos) return std::nullopt;
    std::string_view line = Trim(body.substr(at, eol - at));
    line = line.substr(0, line.find(';'));
    uint64_t size = 0;
    if (line.empty() || line.size() > 12) return std::nullopt;
    for (char c : line) {
      const int d = c >= '0' && c <= '9' ? c - '0' : (Lower(c) >= 'a' && Lower(c) <= 'f') ? Lower(c) - 'a' + 10 : -1;
      if (d < 0) return std::nullopt;
      size = size * 16 + static_cast<uint64_t>(d);
    }
    at = eol + 1;
    if (size == 0) return out;
    if (size > body.size() - at || out.size() + size > max) return std::nullopt;
    out.append(body.substr(at, size));
    at += size;
    if (at < body.size() && body[at] == '\r') ++at;
    if (at < body.size() && body[at] == '\n') ++at;
  }
  return out;  // a last chunk is missing: what came is kept
}

// Undoes gzip or deflate (zlib-wrapped or raw) content coding; nullopt when the data is
// not compressed that way or inflates to more than `max` bytes.
std::optional<std::string> Uncompress(std::string_view body, uint64_t max, bool raw) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  if (inflateInit2(&z, raw ? -15 : 15 + 32) != Z_OK) return std::nullopt;
  std::string out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    const size_t old = out.size();
    out.resize(old + kChunk);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + old);
    z.avail_out = kChunk;
    rc = inflate(&z, Z_NO_FLUSH);
    out.resize(old + kChunk - z.avail_out);
    if (out.size() > max) rc = Z_MEM_ERROR;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) rc = Z_STREAM_END;  // cut short: keep what came
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

// ---------------------------------------------------------------- layer 2: WarcReader

class WarcReader final : public ArticleReader {
 public:
  WarcReader(std::FILE* file, bool gzip, std::string name, uint64_t size_hint, const ReaderOptions& options)
      : inflow_(file, gzip), name_(std::move(name)), size_hint_(size_hint), max_bytes_(options.max_article_bytes) {}

  bool Next(ReadItem* item) override;
  uint64_t BytesRead() const override { return inflow_.file_bytes(); }
  uint64_t SizeHint() const override { return size_hint_; }

 private:
  uint64_t Pos() const { return base_ + pos_; }
  size_t Available() const { return buf_.size() - pos_; }

  // Reads until `need` bytes are available from pos_; false when the stream ends first.
  bool Fill(size_t need) {
    while (Available() < need && !ended_) {
      // At most 1 MB a call: Read makes room for all it is allowed before it inflates.
      if (inflow_.Read(&buf_, std::clamp(need - Available(), kChunk, kMaxRead)) == 0) ended_ = true;
    }
    return Available() >= need;
  }

  // Drops what has been read, keeping one byte before pos_ (to see line starts).
  void Compact() {
    if (pos_ <= kCompactAt) return;
    buf_.erase(0, pos_ - 1);
    base_ += pos_ - 1;
    pos_ = 1;
    inflow_.ForgetBefore(base_);
  }

  // The first break at a position < `end`, if any (breaks before Pos() were reported).
  const Break* BreakBefore(uint64_t end) {
    std::deque<Break>& breaks = inflow_.breaks();
    return !breaks.empty() && breaks.front().at < end ? &breaks.front() : nullptr;
  }

  bool Report(ReadItem* item, ErrorCode code, uint64_t file_offset, const std::string& reason) {
    item->article.reset();
    item->error = code;
    item->message = name_ + ":" + std::to_string(file_offset) + ": " + reason;
    return true;
  }

  // Moves pos_ to the next line that starts "WARC/1.", or to the next break, or to the
  // end of the stream; returns the bytes passed over.
  uint64_t SkipToRecord();
  // Whether a break lies at pos_.
  bool AtBreak() {
    const std::deque<Break>& breaks = inflow_.breaks();
    return !breaks.empty() && breaks.front().at == Pos();
  }
  // Reads the HTTP response in a response record's block; false when it is no HTML page.
  bool ReadResponse(std::string_view block, const Headers& warc, uint64_t file_offset, ReadItem* item);

  Inflow inflow_;
  std::string name_;
  uint64_t size_hint_;
  uint64_t max_bytes_;
  std::string buf_;
  uint64_t base_ = 0;  // stream position of buf_[0]
  size_t pos_ = 0;
  bool ended_ = false;
};

uint64_t WarcReader::SkipToRecord() {
  const uint64_t from = Pos();
  while (true) {
    Fill(kChunk);
    const Break* b = BreakBefore(base_ + buf_.size());
    const size_t limit = b ? std::max(pos_, static_cast<size_t>(b->at - base_)) : buf_.size();
    for (size_t idx = buf_.find("WARC/1.", pos_); idx != std::string::npos && idx < limit;
         idx = buf_.find("WARC/1.", idx + 1)) {
      if ((idx == 0 && base_ == 0) || (idx > 0 && buf_[idx - 1] == '\n') || inflow_.MemberStartsAt(base_ + idx)) {
        pos_ = idx;
        return Pos() - from;
      }
    }
    if (b || ended_) {
      pos_ = limit;
      return Pos() - from;
    }
    // Keep the last bytes: a "WARC/1." may straddle the refill.
    pos_ = std::max(pos_, buf_.size() >= 8 ? buf_.size() - 8 : size_t{0});
    Compact();
  }
}

bool WarcReader::Next(ReadItem* item) {
  while (true) {
    Compact();
    // Step 1: a break at the current position is reported on its own.
    std::deque<Break>& breaks = inflow_.breaks();
    if (!breaks.empty() && breaks.front().at <= Pos()) {
      const Break b = breaks.front();
      breaks.pop_front();
      return Report(item, ErrorCode::kIo, b.file_offset, b.reason);
    }
    // Step 2: blank lines between records; the end.
    while (Fill(1) && (buf_[pos_] == '\r' || buf_[pos_] == '\n') && !BreakBefore(Pos() + 1)) ++pos_;
    if (!Fill(1)) {
      if (!breaks.empty()) continue;  // a break at the very end
      return false;
    }
    if (BreakBefore(Pos() + 1)) continue;
    // Step 3: the version line.
    const uint64_t start = Pos();
    const uint64_t offset = inflow_.FileOffset(start);
    Fill(8);
    if (buf_.compare(pos_, 5, "WARC/") != 0) {
      ++pos_;
      const uint64_t skipped = SkipToRecord() + 1;
      if (AtBreak()) continue;  // the bytes came from a broken member: the break is the report
      return Report(item, ErrorCode::kInvalidField, offset,
                    std::to_string(skipped) + " bytes that are not a WARC record; skipped");
    }
    // Step 4: the header, up to the blank line.
    size_t header_end = std::string::npos;  // index just past the blank line
    size_t scanned = pos_;
    while (true) {
      const size_t crlf = buf_.find("\r\n\r\n", scanned);
      const size_t lf = buf_.find("\n\n", scanned);
      const size_t end = std::min(crlf == std::string::npos ? crlf : crlf + 4, lf == std::string::npos ? lf : lf + 2);
      if (end != std::string::npos && end - pos_ <= kMaxHeaderBytes) {
        header_end = end;
        break;
      }
      if (Available() > kMaxHeaderBytes || ended_) break;
      scanned = buf_.size() >= 3 ? std::max(pos_, buf_.size() - 3) : pos_;
      Fill(Available() + kChunk);
    }
    if (const Break* b = BreakBefore(header_end == std::string::npos ? base_ + buf_.size() : base_ + header_end)) {
      pos_ = static_cast<size_t>(b->at - base_);  // a member broke inside the header
      continue;
    }
    if (header_end == std::string::npos) {
      ++pos_;
      SkipToRecord();
      return Report(item, ErrorCode::kInvalidField, offset,
                    ended_ && Pos() == base_ + buf_.size() ? "WARC record header is cut short by the end of the file"
                                                           : "WARC record header has no end within 64 KB");
    }
    const std::string header = buf_.substr(pos_, header_end - pos_);
    const Headers warc(header);
    const std::string_view version = Trim(std::string_view(header).substr(0, header.find('\n')));
    const std::optional<uint64_t> length = ParseLength(warc.Get("Content-Length"));
    if (!length) {
      ++pos_;
      SkipToRecord();
      return Report(item, ErrorCode::kInvalidField, offset, "WARC record has no valid Content-Length");
    }
    const bool wanted = EqualsNoCase(warc.Get("WARC-Type"), "response") &&
                        ContainsNoCase(warc.Get("Content-Type"), "application/http");
    const uint64_t block_begin = base_ + header_end;
    const uint64_t block_end = block_begin + *length;
    // Step 5: the block, held whole when within the limit (so that the record can be
    // rescanned if its length lied), else passed through.
    const bool fits = *length <= max_bytes_;
    pos_ = header_end;
    if (fits) {
      Fill(static_cast<size_t>(*length) + 4);
    } else {
      while (Pos() < block_end && Fill(1) && !BreakBefore(block_end + 4)) {
        pos_ += static_cast<size_t>(std::min<uint64_t>(Available(), block_end - Pos()));
        Compact();
      }
      Fill(4);
    }
    if (const Break* b = BreakBefore(block_end + 4)) {
      pos_ = static_cast<size_t>(std::max(b->at, Pos()) - base_);  // a member broke inside the record
      continue;
    }
    // Step 6: the terminator; without it (or past the end of the file) the length lied.
    const uint64_t have = base_ + buf_.size();
    const size_t tail = static_cast<size_t>(std::min(block_end, have) - base_);
    const std::string_view after(buf_.data() + tail, std::min<size_t>(4, buf_.size() - tail));
    const bool terminated =
        have >= block_end &&
        (after == "\r\n\r\n" || (ended_ && after.find_first_not_of("\r\n") == std::string_view::npos));
    if (!terminated) {
      if (fits) pos_ = header_end;  // rescan the block: the next record may be inside it
      else pos_ = tail;
      SkipToRecord();
      if (have < block_end && Pos() == have)
        return Report(item, ErrorCode::kIo, offset,
                      "WARC record is cut short by the end of the file (Content-Length " + std::to_string(*length) +
                          ", " + std::to_string(have - block_begin) + " bytes left)");
      return Report(item, ErrorCode::kInvalidField, offset,
                    "WARC record's Content-Length (" + std::to_string(*length) +
                        ") does not end at a record boundary; skipped");
    }
    pos_ = tail + after.size();
    if (version != "WARC/1.0" && version != "WARC/1.1")
      return Report(item, ErrorCode::kInvalidField, offset,
                    "unsupported WARC version \"" + std::string(version.substr(0, 20)) + "\"; record skipped");
    if (!wanted) continue;
    if (!fits)
      return Report(item, ErrorCode::kTooLarge, offset,
                    "WARC response record of " + std::to_string(*length) + " bytes is over the limit of " +
                        std::to_string(max_bytes_));
    // Step 7: the HTTP response.
    if (ReadResponse(std::string_view(buf_).substr(header_end, static_cast<size_t>(*length)), warc, offset, item))
      return true;
  }
}

bool WarcReader::ReadResponse(std::string_view block, const Headers& warc, uint64_t file_offset, ReadItem* item) {
  std::string url(warc.Get("WARC-Target-URI"));
  if (url.size() >= 2 && url.front() == '<' && url.back() == '>') url = url.substr(1, url.size() - 2);
  const std::string where = name_ + ":" + std::to_string(file_offset);
  // The status line and headers.
  if (block.substr(0, 5) != "HTTP/") return false;
  const size_t space = block.find(' ');
  if (space == std::string_view::npos || space + 4 > block.size() || block[space + 1] != '2') return false;
  size_t head_end = block.find("\r\n\r\n");
  size_t body_begin = head_end == std::string_view::npos ? head_end : head_end + 4;
  if (const size_t lf = block.find("\n\n"); lf != std::string_view::npos && (lf + 2 < body_begin)) body_begin = lf + 2;
  if (body_begin == std::string_view::npos) return false;
  const Headers http(block.substr(0, body_begin));
  std::string_view body = block.substr(body_begin);
  const std::string_view type = http.Get("Content-Type");
  if (!type.empty()) {
    if (!ContainsNoCase(type, "text/html") && !ContainsNoCase(type, "application/xhtml")) return false;
  } else {
    const size_t first = body.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || body[first] != '<' || !ContainsNoCase(body.substr(0, 1024), "<html"))
      return false;
  }
  // Transfer and content codings.
  std::string decoded;
  if (ContainsNoCase(http.Get("Transfer-Encoding"), "chunked")) {
    auto plain = Dechunk(body, max_bytes_);
    if (!plain) return Report(item, ErrorCode::kInvalidField, file_offset, url + ": chunked HTTP body is malformed");
    decoded = std::move(*plain);
    body = decoded;
  }
  const std::string_view coding = Trim(http.Get("Content-Encoding"));
  if (!coding.empty() && !EqualsNoCase(coding, "identity")) {
    std::optional<std::string> plain;
    if (EqualsNoCase(coding, "gzip") || EqualsNoCase(coding, "x-gzip") || EqualsNoCase(coding, "deflate")) {
      plain = Uncompress(body, max_bytes_, false);
      if (!plain && EqualsNoCase(coding, "deflate")) plain = Uncompress(body, max_bytes_, true);
      if (!plain)
        return Report(item, ErrorCode::kInvalidField, file_offset,
                      url + ": HTTP body is not valid " + std::string(coding) + " data, or inflates past the limit");
    } else {
      return Report(item, ErrorCode::kInvalidField, file_offset,
                    url + ": content encoding \"" + std::string(coding.substr(0, 20)) + "\" is not supported");
    }
    decoded = std::move(*plain);
    body = decoded;
  }
  // The charset of the Content-Type, if any.
  HtmlOptions html_options;
  std::string lower_type(type);
  for (char& c : lower_type) c = Lower(c);
  if (const size_t cs = lower_type.find("charset="); cs != std::string::npos) {
    std::string_view value = Trim(type.substr(cs + 8));
    value = value.substr(0, value.find(';'));
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) value.remove_prefix(1);
    if (!value.empty() && (value.back() == '"' || value.back() == '\'')) value.remove_suffix(1);
    html_options.charset = std::string(value);
  }
  Article article;
  article.id = url;
  if (!url.empty()) article.url = url;
  const Status status = FillFromHtml(body, html_options, &article);
  if (!status.ok()) return Report(item, status.code(), file_offset, url + ": " + status.message());
  if (!article.date) article.date = NormaliseArticleDate(warc.Get("WARC-Date"));
  FinishArticle(std::move(article), where, item);
  return true;
}

}  // namespace

std::unique_ptr<ArticleReader> NewWarcReader(std::FILE* file, std::string name, uint64_t size_hint,
                                             const ReaderOptions& options) {
  const int c1 = std::fgetc(file);
  const int c2 = std::fgetc(file);
  std::rewind(file);
  const bool gzip = c1 == 0x1f && c2 == 0x8b;
  return std::make_unique<WarcReader>(file, gzip, std::move(name), size_hint, options);
}

}  // namespace annals
