#include "ingest/html_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/text_reader.h"
#include "ingest/utf8_check.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

// An example article of the project (examples/*.txt): title, date and paragraphs.
Article Example(const std::string& name) {
  const std::string path = std::string(ANNALS_TEST_SOURCE_DIR) + "/examples/" + name + ".txt";
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ArticleFromPlainText(ss.str(), path);
}

// The example's paragraphs, as the extractor joins them.
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
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// A news page in the style of today's sites around an article: menus, a cookie banner,
// sharing links, a related-stories box, scripts and a footer.
std::string NewsPage(const Article& a) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n";
  html += "<title>" + Escape(*a.title) + " | The Daily Example</title>\n";
  html += "<meta property=\"og:title\" content=\"" + Escape(*a.title) + "\">\n";
  html += "<meta property=\"article:published_time\" content=\"" + *a.date + "T07:45:00+03:00\">\n";
  html += "<script>var x = '<p>not text</p>'; if (a < b) { document.write('<div>'); }</script>\n";
  html += "<style>p { color: red; } div > p { margin: 0 }</style>\n";
  html += "</head><body class=\"page\">\n";
  html += "<div class=\"cookie-banner\"><p>We use cookies to improve your experience on our site and to show you "
          "relevant advertising. By continuing you agree to this.</p><button>Accept</button></div>\n";
  html += "<header class=\"site-header\"><a href=\"/\">The Daily Example</a><nav><ul><li><a href=\"/world\">World"
          "</a></li><li><a href=\"/africa\">Africa</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav>"
          "</header>\n";
  html += "<main><article>\n<header><h1>" + Escape(*a.title) + "</h1><p class=\"byline\">By a staff reporter, "
          "Nairobi</p><time datetime=\"1999-01-01\">1 January 1999</time></header>\n";
  html += "<div class=\"share-tools\"><a href=\"/s/fb\">Share on Facebook</a> <a href=\"/s/x\">Share</a></div>\n";
  html += "<div class=\"story-body\">\n";
  for (const std::string& p : Paragraphs(a.text)) html += "  <p>" + Escape(p) + "</p>\n";
  html += "  <ul class=\"more\"><li><a href=\"/a\">Read more: an earlier story about the same events that we "
          "published last week</a></li></ul>\n";
  html += "</div>\n<!-- <p>A comment that is not text.</p> -->\n";
  html += "<figure><img src=\"a.jpg\"><figcaption>Marchers in the city centre. Photo: agency.</figcaption>"
          "</figure>\n";
  html += "</article>\n<aside class=\"related\"><h2>Related stories</h2><p>A story that sits beside the article "
          "and is not part of it, though it reads like prose.</p></aside></main>\n";
  html += "<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p></footer>\n";
  html += "<script>window.analytics = {page: 'article'};</script></body></html>\n";
  return html;
}

Result<HtmlPage> Read(const std::string& html, const std::string& charset = "") {
  HtmlOptions options;
  options.charset = charset;
  return ReadHtmlPage(html, options);
}

TEST(HtmlReaderTest, ReadsTheArticleOfANewsPage) {
  for (const char* name : {"01_nairobi_teachers_march", "06_baidoa_roadside_bomb", "12_haiti_aid_workers_abducted"}) {
    const Article a = Example(name);
    ASSERT_TRUE(a.title && a.date) << name;
    auto page = Read(NewsPage(a));
    ASSERT_TRUE(page.ok()) << page.status().message();
    EXPECT_EQ(page.value().text, Join(Paragraphs(a.text))) << name;
    EXPECT_EQ(page.value().title, a.title);
    EXPECT_EQ(page.value().date, a.date);  // the meta tag, not the <time> in the header
    EXPECT_TRUE(page.value().warnings.empty());
  }
}

TEST(HtmlReaderTest, TitleFallsBackFromMetaToJsonLdToTitleToH1) {
  const std::string body = "<body><h1>The heading</h1><p>Police said the march ended peacefully in the evening.</p>";
  auto og = Read("<html><head><title>Tab</title><meta name=\"twitter:title\" content=\"Card title\"></head>" + body);
  EXPECT_EQ(og.value().title, "Card title");
  auto ld = Read(
      "<html><head><title>Tab</title><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      "\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\",\"headline\":\"LD  headline\","
      "\"datePublished\":\"2021-06-02T10:00:00Z\"}]}</script></head>" + body);
  EXPECT_EQ(ld.value().title, "LD headline");
  EXPECT_EQ(ld.value().date, "2021-06-02");
  auto tab = Read("<html><head><title>\n  Tab   title </title></head>" + body);
  EXPECT_EQ(tab.value().title, "Tab title");
  auto site = Read("<html><head><title>The heading | The Example Times</title></head>" + body);
  EXPECT_EQ(site.value().title, "The heading");  // the site's name after the <h1>'s words is dropped
  auto other = Read("<html><head><title>The heading, and more</title></head>" + body);
  EXPECT_EQ(other.value().title, "The heading, and more");
  auto h1 = Read("<html>" + body);
  EXPECT_EQ(h1.value().title, "The heading");
  EXPECT_EQ(h1.value().text, "Police said the march ended peacefully in the evening.");  // the h1 is the title
}

TEST(HtmlReaderTest, DateFromMetaJsonLdOrTime) {
  const std::string body = "<p>Police said the march ended peacefully in the evening.</p>";
  auto time = Read("<html><body><time datetime=\"2020-02-03T08:00\">3 Feb</time>" + body);
  EXPECT_EQ(time.value().date, "2020-02-03");
  auto marked = Read("<html><body><time datetime=\"2020-02-03\">x</time><time pubdate datetime=\"2020-02-01\">y"
                     "</time>" + body);
  EXPECT_EQ(marked.value().date, "2020-02-01");
  auto meta = Read("<html><head><meta name=\"date\" content=\"2019-12-30\"><meta itemprop=\"datePublished\" "
                   "content=\"2019-12-31T23:00:00-05:00\"></head><body>" + body);
  EXPECT_EQ(meta.value().date, "2019-12-31");  // datePublished ranks above date
  auto bad = Read("<html><head><meta property=\"article:published_time\" content=\"yesterday\"></head><body>"
                  "<time datetime=\"2018-07-04\">x</time>" + body);
  EXPECT_EQ(bad.value().date, "2018-07-04");  // an unreadable date is passed over
  auto none = Read("<html><body>" + body);
  EXPECT_FALSE(none.value().date);
}

TEST(HtmlReaderTest, TextBlocksKeepHeadingsAndDropShortFragmentsAndLinkLists) {
  auto page = Read(
      "<html><body><div id=\"content\"><h2>Second day of talks</h2><p>The delegations met again &amp; agreed "
      "to&nbsp;continue.</p><p>Image caption</p><div>Officials said<br>the talks would resume on Monday.</div>"
      "<ul><li><a href=\"/1\">Another story with a long headline about something else entirely</a></li></ul>"
      "<p>He said: <a href=\"/p\">\"We are close,\"</a> and left the hall without taking questions.</p>"
      "</div></body></html>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().text,
            "Second day of talks\n\nThe delegations met again & agreed to continue.\n\nOfficials said\n"
            "the talks would resume on Monday.\n\nHe said: \"We are close,\" and left the hall without taking "
            "questions.");
}

TEST(HtmlReaderTest, FurnitureThatWrapsTheArticleIsKept) {
  // ASP.NET pages wrap the whole page in a form; a body class may name a menu state.
  const Article a = Example("03_durban_riot_looting");
  std::string html = "<html><body class=\"menu-closed\"><form id=\"aspnetForm\"><div id=\"nav\"><a href=\"/\">"
                     "Home</a></div><div class=\"main\">";
  for (const std::string& p : Paragraphs(a.text)) html += "<p>" + Escape(p) + "</p>";
  html += "</div><div class=\"footer\"><p>All rights reserved by the publisher of this site, 2024.</p></div>"
          "</form></body></html>";
  auto page = Read(html);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().text, Join(Paragraphs(a.text)));
}

TEST(HtmlReaderTest, ScopeMovesDownToTheStoryAndSkipsBoxesBesideIt) {
  // No <article>, no <main>: the deepest element holding 80% of the prose is the story.
  const Article a = Example("10_kyiv_ministers_meet");
  std::string html = "<html><body><div class=\"wrap\"><div class=\"story\">";
  for (const std::string& p : Paragraphs(a.text)) html += "<p>" + Escape(p) + "</p>";
  html += "</div><div class=\"bio\"><p>The author has covered the region for the paper since 2015.</p></div></div>"
          "</body></html>";
  auto page = Read(html);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().text, Join(Paragraphs(a.text)));
}

TEST(HtmlReaderTest, ConvertsLegacyEncodings) {
  const std::string body = "<p>Caf\xE9 owners said \x93" "enough\x94 after the protest on Friday.</p>";
  const std::string expected = "Caf\xC3\xA9 owners said \xE2\x80\x9C" "enough\xE2\x80\x9D after the protest on Friday.";
  auto declared = Read("<html><head><meta charset=\"windows-1252\"></head><body>" + body);
  EXPECT_EQ(declared.value().text, expected);
  auto http_equiv = Read("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
                         "</head><body>" + body);
  EXPECT_EQ(http_equiv.value().text, expected);  // iso-8859-1 is read as windows-1252
  auto undeclared = Read("<html><body>" + body);
  EXPECT_EQ(undeclared.value().text, expected);
  auto given = Read("<html><head><meta charset=\"utf-8\"></head><body>" + body, "windows-1252");
  EXPECT_EQ(given.value().text, expected);  // the caller's charset (an HTTP header) wins
  auto unknown = Read("<html><body><p>Police said the march ended peacefully.</p>", "x-no-such-charset");
  ASSERT_TRUE(unknown.ok());
  ASSERT_EQ(unknown.value().warnings.size(), 1u);
  EXPECT_EQ(unknown.value().warnings[0], "unknown charset \"x-no-such-charset\"; read as UTF-8");
}

TEST(HtmlReaderTest, CharacterReferencesBeyondUnicodeBecomeReplacementCharacters) {
  // gumbo decodes a numeric reference whose value overflows to bytes that are not UTF-8;
  // the page keeps its text with U+FFFD there (found by fuzz_html).
  const std::string digits(80, '5');
  auto page = Read("<html><head><title>Rally &#" + digits + "; in town</title></head><body>"
                   "<p>Marchers gathered &#" + digits + "; outside the town hall on Friday.</p>");
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_FALSE(FirstInvalidUtf8(page.value().text).has_value());
  EXPECT_EQ(page.value().text, "Marchers gathered \xEF\xBF\xBD outside the town hall on Friday.");
  ASSERT_TRUE(page.value().title.has_value());
  EXPECT_FALSE(FirstInvalidUtf8(*page.value().title).has_value());
}

TEST(HtmlReaderTest, PageWithoutTextIsMissingText) {
  auto page = Read("<html><body><nav><a href=\"/\">Home</a></nav><script>var a = 1;</script></body></html>");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), ErrorCode::kMissingText);
  EXPECT_EQ(page.status().message(), "no article text found in the HTML page");
}

TEST(HtmlReaderTest, DeepNestingIsRefusedQuickly) {
  std::string html = "<html><body>";
  for (int i = 0; i < 200000; ++i) html += "<div>";
  html += "<p>Police said the march ended peacefully.</p>";
  const auto start = std::chrono::steady_clock::now();
  auto page = Read(html);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(page.status().message(), "HTML elements nest about 200000 deep, over the limit of 2000");
  EXPECT_LT(seconds, 1.0);
  // Just under the limit: parsed, and the walk (no recursion) reads the text.
  std::string ok = "<html><body>";
  for (int i = 0; i < 1990; ++i) ok += "<div>";
  ok += "<p>Police said the march ended peacefully.</p>";
  auto deep = Read(ok);
  ASSERT_TRUE(deep.ok()) << deep.status().message();
  EXPECT_EQ(deep.value().text, "Police said the march ended peacefully.");
}

TEST(HtmlReaderTest, FiftyMegabytePages) {
  const Article a = Example("05_north_kivu_army_rebels");
  const std::string page = NewsPage(a);
  // 50 MB of prose: over the limit, refused without parsing.
  std::string prose = "<html><body>";
  while (prose.size() < (50u << 20)) prose += "<p>" + Escape(Paragraphs(a.text)[1]) + "</p>\n";
  auto big = Read(prose);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(big.status().message().substr(0, 15), "HTML page holds");
  // 50 MB, nearly all inline script: the script is cut and the article read.
  const size_t body = page.find("<body");
  std::string scripted = page.substr(0, body) + "<script>var data = \"";
  scripted.append(50u << 20, 'x');
  scripted += "\";</script>" + page.substr(body);
  auto read = Read(scripted);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read.value().text, Join(Paragraphs(a.text)));
}

class HtmlFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("annals_ingest_html_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << contents;
    return path;
  }
  std::vector<ReadItem> ReadAll(const std::string& path) {
    auto reader = OpenArticles(path);
    EXPECT_TRUE(reader.ok());
    std::vector<ReadItem> items;
    ReadItem item;
    while (reader.ok() && reader.value()->Next(&item)) items.push_back(item);
    return items;
  }
  fs::path dir_;
};

TEST_F(HtmlFileTest, HtmlFileIsOneArticleNamedAfterTheFile) {
  const Article a = Example("07_istanbul_mass_arrests");
  for (const char* name : {"istanbul.html", "istanbul_page"}) {  // by extension, and by the first bytes
    const auto items = ReadAll(Write(name, NewsPage(a)));
    ASSERT_EQ(items.size(), 1u);
    ASSERT_TRUE(items[0].article) << items[0].message;
    EXPECT_EQ(items[0].article->id, fs::path(name).stem().string());
    EXPECT_EQ(items[0].article->text, Join(Paragraphs(a.text)));
    EXPECT_EQ(items[0].article->title, a.title);
    EXPECT_EQ(items[0].article->date, a.date);
  }
  const auto empty = ReadAll(Write("empty.html", "<html><body><nav>Home</nav></body></html>"));
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].error, ErrorCode::kMissingText);
  EXPECT_EQ(empty[0].message, (dir_ / "empty.html").string() + ": no article text found in the HTML page");
}

TEST_F(HtmlFileTest, JsonlHtmlFieldIsExtractedBeforeCoding) {
  const Article a = Example("08_paris_camp_eviction");
  std::string json_html;
  for (char c : NewsPage(a)) {
    if (c == '"' || c == '\\') json_html += '\\';
    if (c == '\n') json_html += "\\n";
    else json_html += c;
  }
  const std::string jsonl = "{\"id\":\"p1\",\"html\":\"" + json_html + "\"}\n" +
                            "{\"id\":\"p2\",\"title\":\"Given title\",\"date\":\"2001-02-03\",\"html\":\"" +
                            json_html + "\"}\n" + "{\"id\":\"p3\",\"html\":\"<p>Menu</p>\"}\n" +
                            "{\"id\":\"p4\",\"text\":\"Plain text wins.\",\"html\":\"<p>ignored</p>\"}\n";
  const auto items = ReadAll(Write("pages.jsonl", jsonl));
  ASSERT_EQ(items.size(), 4u);
  ASSERT_TRUE(items[0].article);
  EXPECT_EQ(items[0].article->text, Join(Paragraphs(a.text)));
  EXPECT_EQ(items[0].article->title, a.title);
  EXPECT_EQ(items[0].article->date, a.date);
  ASSERT_TRUE(items[1].article);
  EXPECT_EQ(items[1].article->title, "Given title");  // the line's fields win over the page's
  EXPECT_EQ(items[1].article->date, "2001-02-03");
  EXPECT_FALSE(items[2].article);
  EXPECT_EQ(items[2].error, ErrorCode::kMissingText);
  EXPECT_EQ(items[2].message,
            (dir_ / "pages.jsonl").string() + ":3: field \"html\": no article text found in the HTML page");
  ASSERT_TRUE(items[3].article);
  EXPECT_EQ(items[3].article->text, "Plain text wins.");
}

}  // namespace
}  // namespace annals
