#include "ingest/warc_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/text_reader.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

Article Example(const std::string& name) {
  const std::string path = std::string(ANNALS_TEST_SOURCE_DIR) + "/examples/" + name + ".txt";
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ArticleFromPlainText(ss.str(), path);
}

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

std::string Join(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) out += (out.empty() ? "" : "\n\n") + p;
  return out;
}

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// A news page around an example article; `with_date`: an article:published_time meta.
std::string Page(const Article& a, bool with_date = true) {
  std::string html = "<!doctype html><html><head><title>" + Escape(*a.title) + "</title>";
  if (with_date) html += "<meta property=\"article:published_time\" content=\"" + *a.date + "T09:00:00Z\">";
  html += "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>";
  for (const std::string& p : Paragraphs(a.text)) html += "<p>" + Escape(p) + "</p>\n";
  html += "</article><footer><p>Copyright The Example Times, all rights reserved.</p></footer></body></html>";
  return html;
}

std::string Http(const std::string& body, const std::string& type = "text/html; charset=utf-8",
                 const std::string& status = "200 OK", const std::string& extra = "") {
  return "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\n" + extra +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// One WARC record; `length` overrides the true Content-Length (a lying writer).
std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type = "application/http; msgtype=response",
                   std::optional<size_t> length = std::nullopt, const std::string& version = "WARC/1.1") {
  std::string r = version + "\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: 2024-05-06T07:08:09Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-" +
       std::to_string(100000000000 + block.size()) + ">\r\nContent-Type: " + content_type + "\r\n";
  r += "Content-Length: " + std::to_string(length.value_or(block.size())) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

std::string Response(const std::string& uri, const std::string& html) { return Record("response", uri, Http(html)); }

// One gzip member holding `bytes`.
std::string Gzip(const std::string& bytes) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, bytes.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

const char* kNames[] = {"01_nairobi_teachers_march", "04_idlib_airstrike", "09_south_sudan_ceasefire",
                        "11_pakistan_condemns_attack"};

std::string Url(int i) { return "https://news.example.org/2024/story-" + std::to_string(i) + ".html"; }

class WarcReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("annals_ingest_warc_" + std::to_string(::getpid()) + "_" + info->name());
    fs::create_directories(dir_);
    for (const char* name : kNames) examples_.push_back(Example(name));
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << contents;
    return path;
  }

  struct Outcome {
    std::vector<Article> articles;
    std::vector<ReadItem> skips;
  };
  Outcome ReadAll(const std::string& path, uint64_t max_bytes = 64u << 20) {
    ReaderOptions options;
    options.max_article_bytes = max_bytes;
    auto reader = OpenArticles(path, options);
    EXPECT_TRUE(reader.ok()) << reader.status().message();
    Outcome out;
    ReadItem item;
    while (reader.ok() && reader.value()->Next(&item)) {
      if (item.article) out.articles.push_back(*item.article);
      else out.skips.push_back(item);
    }
    return out;
  }

  // The four example responses with the records a crawl holds between them.
  std::vector<std::string> Records() {
    std::vector<std::string> r;
    r.push_back(Record("warcinfo", "", "software: annals test\r\nformat: WARC File Format 1.1\r\n",
                       "application/warc-fields"));
    for (int i = 0; i < 4; ++i) {
      r.push_back(Record("request", Url(i), "GET /2024/story-" + std::to_string(i) + ".html HTTP/1.1\r\n\r\n",
                         "application/http; msgtype=request"));
      r.push_back(Response(Url(i), Page(examples_[i])));
      if (i == 1) {  // things a crawl is full of
        r.push_back(Record("response", "https://news.example.org/logo.png", Http("\x89PNG....", "image/png")));
        r.push_back(Record("response", "https://news.example.org/old", Http("", "text/html", "301 Moved Permanently",
                                                                             "Location: /new\r\n")));
        r.push_back(Record("metadata", Url(i), "fetchTimeMs: 120\r\n", "application/warc-fields"));
      }
    }
    return r;
  }

  // Checks that the articles are the examples `which`, in order.
  void ExpectExamples(const std::vector<Article>& articles, const std::vector<int>& which) {
    ASSERT_EQ(articles.size(), which.size());
    for (size_t k = 0; k < which.size(); ++k) {
      const Article& want = examples_[static_cast<size_t>(which[k])];
      EXPECT_EQ(articles[k].text, Join(Paragraphs(want.text)));
      EXPECT_EQ(articles[k].title, want.title);
      EXPECT_EQ(articles[k].date, want.date);
      EXPECT_EQ(articles[k].url, Url(which[k]));
      EXPECT_EQ(articles[k].id, Url(which[k]));
    }
  }

  fs::path dir_;
  std::vector<Article> examples_;
};

std::string Concat(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += p;
  return out;
}

std::string GzipEach(const std::vector<std::string>& parts, std::vector<uint64_t>* offsets = nullptr) {
  std::string out;
  for (const std::string& p : parts) {
    if (offsets) offsets->push_back(out.size());
    out += Gzip(p);
  }
  return out;
}

TEST_F(WarcReaderTest, ReadsHtmlResponsesOfPlainAndCompressedFiles) {
  const auto records = Records();
  const std::string plain = Write("crawl.warc", Concat(records));
  const std::string per_record = Write("crawl.warc.gz", GzipEach(records));
  const std::string one_member = Write("whole.warc.gz", Gzip(Concat(records)));
  const std::string sniffed = Write("crawl-00001", GzipEach(records));  // no extension: gzip magic
  for (const std::string& path : {plain, per_record, one_member, sniffed}) {
    const Outcome out = ReadAll(path);
    EXPECT_TRUE(out.skips.empty()) << path << ": " << (out.skips.empty() ? "" : out.skips[0].message);
    ExpectExamples(out.articles, {0, 1, 2, 3});
  }
}

TEST_F(WarcReaderTest, OriginNamesFileAndRecordOffset) {
  auto records = Records();
  std::vector<uint64_t> offsets;
  const Outcome gz = ReadAll(Write("a.warc.gz", GzipEach(records, &offsets)));
  ASSERT_EQ(gz.articles.size(), 4u);
  EXPECT_EQ(gz.articles[0].origin, (dir_ / "a.warc.gz").string() + ":" + std::to_string(offsets[2]));
  const Outcome plain = ReadAll(Write("a.warc", Concat(records)));
  ASSERT_EQ(plain.articles.size(), 4u);
  EXPECT_EQ(plain.articles[0].origin,
            (dir_ / "a.warc").string() + ":" + std::to_string(records[0].size() + records[1].size()));
}

TEST_F(WarcReaderTest, WarcDateWhenThePageHasNoneAndWarc10Uris) {
  const std::string records = Record("response", "<" + Url(2) + ">", Http(Page(examples_[2], false)),
                                     "application/http; msgtype=response", std::nullopt, "WARC/1.0");
  const Outcome out = ReadAll(Write("old.warc", records));
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].date, "2024-05-06");
  EXPECT_EQ(out.articles[0].url, Url(2));
}

TEST_F(WarcReaderTest, HttpCodingsAndCharsets) {
  const Article& a = examples_[0];
  // Chunked transfer of a gzip-encoded body.
  const std::string gz = Gzip(Page(a));
  std::string chunked;
  for (size_t at = 0; at < gz.size(); at += 1000) {
    const size_t n = std::min<size_t>(1000, gz.size() - at);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", n);
    chunked += std::string(size) + "\r\n" + gz.substr(at, n) + "\r\n";
  }
  chunked += "0\r\n\r\n";
  const std::string coded = Record("response", Url(0),
                                   "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\n" + chunked);
  // A windows-1252 page, said so by the HTTP header only.
  const std::string latin = Record("response", Url(1),
                                   Http("<html><body><p>Caf\xE9 owners closed for the day in protest.</p>",
                                        "text/html; charset=\"Windows-1252\""));
  // Brotli is not read: reported.
  const std::string brotli = Record("response", Url(2), "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                                        "Content-Encoding: br\r\n\r\n\x1b\x2f");
  const std::string path = Write("codings.warc", coded + latin + brotli);
  const Outcome out = ReadAll(path);
  ASSERT_EQ(out.articles.size(), 2u);
  EXPECT_EQ(out.articles[0].text, Join(Paragraphs(a.text)));
  EXPECT_EQ(out.articles[1].text, "Caf\xC3\xA9 owners closed for the day in protest.");
  ASSERT_EQ(out.skips.size(), 1u);
  EXPECT_EQ(out.skips[0].error, ErrorCode::kInvalidField);
  EXPECT_EQ(out.skips[0].message, path + ":" + std::to_string(coded.size() + latin.size()) + ": " + Url(2) +
                                      ": content encoding \"br\" is not supported");
}

TEST_F(WarcReaderTest, TruncatedGzipMemberCostsOnlyItsRecord) {
  const auto records = Records();  // the responses are records 2, 4, 8, 10
  std::vector<std::string> members;
  for (const std::string& r : records) members.push_back(Gzip(r));
  members[4].resize(members[4].size() / 2);  // a download cut inside the second response
  std::string file;
  uint64_t cut_offset = 0;
  for (size_t i = 0; i < members.size(); ++i) {
    if (i == 4) cut_offset = file.size();
    file += members[i];
  }
  const std::string path = Write("cut.warc.gz", file);
  const Outcome out = ReadAll(path);
  ExpectExamples(out.articles, {0, 2, 3});
  ASSERT_EQ(out.skips.size(), 1u);
  EXPECT_EQ(out.skips[0].error, ErrorCode::kIo);
  const std::string prefix = path + ":" + std::to_string(cut_offset) + ": gzip member is ";
  EXPECT_EQ(out.skips[0].message.substr(0, prefix.size()), prefix) << out.skips[0].message;

  // The file itself cut inside the last member.
  const std::string tail_path = Write("tail.warc.gz", file.substr(0, file.size() - members.back().size() / 2));
  const Outcome tail = ReadAll(tail_path);
  ExpectExamples(tail.articles, {0, 2});
  ASSERT_EQ(tail.skips.size(), 2u);
  EXPECT_EQ(tail.skips[1].message, tail_path + ":" + std::to_string(file.size() - members.back().size()) +
                                       ": gzip member is truncated: the file ends inside it");
}

TEST_F(WarcReaderTest, CorruptGzipMemberAndJunkBetweenMembers) {
  const auto records = Records();
  std::vector<std::string> members;
  for (const std::string& r : records) members.push_back(Gzip(r));
  for (size_t k = 20; k < members[2].size() - 20; k += 7) members[2][k] = static_cast<char>(members[2][k] ^ 0x5a);
  members[7] += "this is not gzip";
  const std::string path = Write("bad.warc.gz", Concat(members));
  const Outcome out = ReadAll(path);
  ExpectExamples(out.articles, {1, 2, 3});
  ASSERT_EQ(out.skips.size(), 2u);
  EXPECT_EQ(out.skips[0].message.substr(0, out.skips[0].message.find(" (")),
            path + ":" + std::to_string(members[0].size() + members[1].size()) + ": gzip member is corrupt");
  uint64_t junk_at = 0;
  for (size_t i = 0; i < 8; ++i) junk_at += members[i].size();
  EXPECT_EQ(out.skips[1].message,
            path + ":" + std::to_string(junk_at - 16) + ": 16 bytes that are not a gzip member; skipped");
}

TEST_F(WarcReaderTest, LyingContentLengthCostsOnlyItsRecord) {
  for (const long delta : {+3000L, -200L, +50000000L}) {  // swallows the next record, stops short, past the end
    auto records = Records();
    const std::string block = Http(Page(examples_[1]));
    records[4] = Record("response", Url(1), block, "application/http; msgtype=response",
                        static_cast<size_t>(static_cast<long>(block.size()) + delta));
    uint64_t lie_at = 0;
    for (size_t i = 0; i < 4; ++i) lie_at += records[i].size();
    const std::string plain = Write("lie.warc", Concat(records));
    const Outcome out = ReadAll(plain);
    ExpectExamples(out.articles, {0, 2, 3});
    ASSERT_EQ(out.skips.size(), 1u) << delta;
    EXPECT_EQ(out.skips[0].error, ErrorCode::kInvalidField);
    EXPECT_EQ(out.skips[0].message, plain + ":" + std::to_string(lie_at) + ": WARC record's Content-Length (" +
                                        std::to_string(static_cast<long>(block.size()) + delta) +
                                        ") does not end at a record boundary; skipped");
    std::vector<uint64_t> offsets;
    const std::string gz = Write("lie.warc.gz", GzipEach(records, &offsets));
    const Outcome zout = ReadAll(gz);
    ExpectExamples(zout.articles, {0, 2, 3});
    ASSERT_EQ(zout.skips.size(), 1u);
    EXPECT_EQ(zout.skips[0].message.substr(0, gz.size() + 1 + std::to_string(offsets[4]).size()),
              gz + ":" + std::to_string(offsets[4]));
  }
}

TEST_F(WarcReaderTest, FiftyMegabytePageCostsOnlyItsRecord) {
  auto records = Records();
  std::string huge = "<html><body>";
  const std::string paragraph = "<p>" + Escape(Paragraphs(examples_[3].text)[0]) + "</p>\n";
  while (huge.size() < (50u << 20)) huge += paragraph;
  records.insert(records.begin() + 3, Response("https://news.example.org/huge.html", huge));
  uint64_t huge_at = 0;
  for (size_t i = 0; i < 3; ++i) huge_at += records[i].size();
  const std::string plain = Write("huge.warc", Concat(records));
  const Outcome out = ReadAll(plain);
  ExpectExamples(out.articles, {0, 1, 2, 3});
  ASSERT_EQ(out.skips.size(), 1u);
  EXPECT_EQ(out.skips[0].error, ErrorCode::kTooLarge);
  EXPECT_EQ(out.skips[0].message.substr(0, out.skips[0].message.find(" holds")),
            plain + ":" + std::to_string(huge_at) + ": https://news.example.org/huge.html: HTML page");
  // Compressed, and with a record limit below its size: passed through unkept.
  std::vector<uint64_t> offsets;
  const std::string gz = Write("huge.warc.gz", GzipEach(records, &offsets));
  const Outcome small = ReadAll(gz, 1u << 20);
  ExpectExamples(small.articles, {0, 1, 2, 3});
  ASSERT_EQ(small.skips.size(), 1u);
  EXPECT_EQ(small.skips[0].message, gz + ":" + std::to_string(offsets[3]) + ": WARC response record of " +
                                        std::to_string(Http(huge).size()) + " bytes is over the limit of 1048576");
}

// A member whose record header never ends (a header line of 1 MB, no line break to the
// member's end) costs that record only: the next member starts a record.
TEST_F(WarcReaderTest, HeaderWithoutEndCostsOnlyItsMember) {
  auto records = Records();
  records.insert(records.begin() + 3, "WARC/1.1\r\nX-Junk: " + std::string(1 << 20, ' '));
  std::vector<uint64_t> offsets;
  const std::string path = Write("header.warc.gz", GzipEach(records, &offsets));
  const Outcome out = ReadAll(path);
  ExpectExamples(out.articles, {0, 1, 2, 3});
  ASSERT_EQ(out.skips.size(), 1u);
  EXPECT_EQ(out.skips[0].error, ErrorCode::kInvalidField);
  EXPECT_EQ(out.skips[0].message,
            path + ":" + std::to_string(offsets[3]) + ": WARC record header has no end within 64 KB");
}

TEST_F(WarcReaderTest, JunkBetweenRecordsAndABrokenHeader) {
  auto records = Records();
  const std::string junk = "garbage that is no record\r\n";
  records.insert(records.begin() + 2, junk);
  // records[6] was the image response: now a header without a readable length.
  records[6] = "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n";
  const std::string path = Write("junk.warc", Concat(records));
  const Outcome out = ReadAll(path);
  ExpectExamples(out.articles, {0, 1, 2, 3});
  ASSERT_EQ(out.skips.size(), 2u);
  EXPECT_EQ(out.skips[0].message, path + ":" + std::to_string(records[0].size() + records[1].size()) + ": " +
                                      std::to_string(junk.size()) + " bytes that are not a WARC record; skipped");
  uint64_t at = 0;
  for (size_t i = 0; i < 6; ++i) at += records[i].size();
  EXPECT_EQ(out.skips[1].message, path + ":" + std::to_string(at) + ": WARC record has no valid Content-Length");
}

}  // namespace
}  // namespace annals
