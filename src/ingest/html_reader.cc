// HTML pages: the headline, publication date and main text of a news web page.
//
// Finding the article in a page
// -----------------------------
// A news page wraps a few paragraphs of report in menus, sharing buttons, related
// links, adverts, cookie banners and footers. ReadHtmlPage finds the report in four
// passes, each linear in the size of the page and none recursive, so that neither a
// large page nor a deeply nested one can exhaust the stack:
//
// 1. Prescan (bytes). Comments and the bodies of <script> (except JSON-LD) and <style>
//    are cut out, since modern pages are mostly scripts; the nesting depth is estimated
//    from the start and end tags of elements that need an end tag. A page over the size
//    limit after the cut, or deeper than kMaxHtmlDepth, is refused (kTooLarge): the
//    parser's time grows with the square of the depth, since every start tag scans the
//    stack of open elements.
// 2. Parse with gumbo (HTML5 tree construction, so broken markup is read the way
//    browsers read it), with error recording off: gumbo otherwise copies the stack of
//    open elements for each parse error, which takes memory quadratic in the depth.
// 3. Walk the tree with an explicit stack. Metadata (below) is collected everywhere.
//    The text is cut into blocks: a block is the text between two boundaries (the start
//    or end of an element that is not inline; a <br> is a line break inside it),
//    whitespace collapsed, with the
//    count of its bytes that lie inside links. Scripts, forms controls, media and
//    templates give no text.
// 4. Text density. A block is *prose* when less than half of its bytes are link text
//    and it has at least kMinProseWords words or ends like a sentence; a heading counts
//    when it is not a link. Every element gets the prose bytes beneath it. Furniture
//    (nav, header, footer, aside, form, figure; ARIA roles, class or id words of
//    data/ingest/html_hints.tsv; hidden elements) is dropped with everything inside it,
//    unless it holds at least half of the page's prose: then it wraps the article (an
//    ASP.NET page-wide <form>, a <body class="menu-closed">). The scope is the <article>
//    (or itemprop=articleBody) element with the most prose, if it holds a third of the
//    page's, else <main> by the same test, else <body>; from there it moves down to the
//    deepest element that still holds kCoreShare of that prose, never into a single
//    paragraph. This cuts the related-stories and author boxes that sit beside the
//    story inside the same wrapper. The text is the prose blocks and headings in the
//    scope, in page order, separated by blank lines; a heading equal to the title is
//    left out (the title is coded on its own).
//
// Metadata: the title is the first of the title_meta tags of html_hints.tsv (og:title
// first), the JSON-LD headline, <title> (without a site's name after the words of the
// first <h1>), the first <h1>. The date is the first that
// reads as a date of: the date_meta tags in order (article:published_time first),
// JSON-LD datePublished, a <time> marked itemprop=datePublished or pubdate, the first
// <time datetime>; timestamps keep their written day (no time zone shift).
//
// Encoding: the charset given by the caller (an HTTP header) wins, then a <meta
// charset> or http-equiv in the first 4 KB; without either the page is UTF-8, or
// windows-1252 when its bytes are not valid UTF-8 (the web's legacy default, which the
// WHATWG encoding standard also gives to the "iso-8859-1" and "us-ascii" labels).
// Conversion is glibc's iconv; bytes invalid in the charset become U+FFFD.
#include "ingest/html_reader.h"

#include <gumbo.h>
#include <iconv.h>
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "core/tsv.h"
#include "ingest/article_fields.h"
#include "ingest/utf8_check.h"

namespace annals::embedded {
extern const std::string_view kHtmlHintsTsv;
}  // namespace annals::embedded

namespace annals {
namespace {

constexpr int kMinProseWords = 10;      // a block this long is prose whatever its end
constexpr double kFurnitureShare = 0.5; // furniture holding this share of prose is kept
constexpr double kScopeShare = 1.0 / 3; // an <article> or <main> must hold this share
constexpr double kCoreShare = 0.8;      // the scope moves down while a child holds this
constexpr size_t kCharsetWindow = 4096; // where <meta charset> is looked for
constexpr uint32_t kNone = ~0u;

// ---------------------------------------------------------------- hints

// data/ingest/html_hints.tsv, parsed once; read-only afterwards.
struct HtmlHints {
  std::unordered_map<std::string_view, int> title_meta;  // key -> rank (0 best)
  std::unordered_map<std::string_view, int> date_meta;
  std::unordered_set<std::string_view> furniture;
  std::unordered_set<std::string_view> roles;
  Status status;
};

const HtmlHints& Hints() {
  static const HtmlHints hints = [] {
    HtmlHints h;
    Result<TsvTable> table = ParseTsv(embedded::kHtmlHintsTsv, "data/ingest/html_hints.tsv", 2);
    if (!table.ok()) {
      h.status = table.status();
      return h;
    }
    for (const TsvTable::Row& row : table.value().rows) {
      const std::string_view kind = row.fields[0], key = row.fields[1];
      if (kind == "title_meta") h.title_meta.emplace(key, static_cast<int>(h.title_meta.size()));
      else if (kind == "date_meta") h.date_meta.emplace(key, static_cast<int>(h.date_meta.size()));
      else if (kind == "furniture") h.furniture.insert(key);
      else if (kind == "role") h.roles.insert(key);
      else {
        h.status = Status(ErrorCode::kCorruptResource, "data/ingest/html_hints.tsv:" + std::to_string(row.line) +
                                                           ": unknown kind '" + std::string(kind) + "'");
        return h;
      }
    }
    return h;
  }();
  return hints;
}

// ---------------------------------------------------------------- small helpers

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// Whether s[at...] starts with `word` (lower case), ignoring case.
bool StartsWithNoCase(std::string_view s, size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (Lower(s[at + i]) != word[i]) return false;
  return true;
}

// The first position >= from of `word` (lower case) in s, ignoring case; npos if none.
size_t FindNoCase(std::string_view s, std::string_view word, size_t from) {
  while (from < s.size()) {
    const size_t at = s.find(word[0], from);
    const size_t up = IsAlpha(word[0]) ? s.find(static_cast<char>(word[0] - 32), from) : std::string_view::npos;
    const size_t first = std::min(at, up);
    if (first == std::string_view::npos) return first;
    if (StartsWithNoCase(s, first, word)) return first;
    from = first + 1;
  }
  return std::string_view::npos;
}

// Appends `text` to `out` with runs of whitespace (and no-break spaces) collapsed to one
// space and no space at the start of `out`. Returns the bytes appended.
size_t AppendCollapsed(std::string_view text, std::string* out) {
  const size_t before = out->size();
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (IsSpace(c) || nbsp) {
      if (nbsp) ++i;
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
  return out->size() - before;
}

std::string Collapsed(std::string_view text) {
  std::string out;
  AppendCollapsed(text, &out);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// ---------------------------------------------------------------- pass 1: prescan

struct Prescan {
  std::string html;  // the page without comments and script and style bodies
  int depth = 0;     // the deepest nesting seen (an estimate)
};

// Elements that take no end tag, or whose end tag may be left out: they do not count
// towards the depth estimate.
bool NestsForDepth(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BR: case GUMBO_TAG_COL: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_HR: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_LINK: case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_RT: case GUMBO_TAG_RP:
    case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY:
      return false;
    default:
      return true;
  }
}

// The end of a tag that starts at `lt` ('<'): one past its '>', skipping quoted
// attribute values; npos when the page ends first.
size_t TagEnd(std::string_view s, size_t lt) {
  char quote = 0;
  for (size_t i = lt + 1; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      if (s[i - 1] == '=' || IsSpace(s[i - 1])) quote = c;  // a value, not a stray mark
    } else if (c == '>') {
      return i + 1;
    }
  }
  // An unclosed quote: read the tag the way a plain '>' ends it.
  const size_t gt = s.find('>', lt + 1);
  return gt == std::string_view::npos ? gt : gt + 1;
}

Prescan RunPrescan(std::string_view s) {
  Prescan out;
  out.html.reserve(s.size());
  int depth = 0;
  size_t i = 0;
  while (i < s.size()) {
    const size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) {
      out.html.append(s.substr(i));
      break;
    }
    out.html.append(s.substr(i, lt - i));
    i = lt;
    if (StartsWithNoCase(s, lt, "<!--")) {  // a comment: dropped
      const size_t end = s.find("-->", lt + 4);
      i = end == std::string_view::npos ? s.size() : end + 3;
      continue;
    }
    const bool closing = lt + 1 < s.size() && s[lt + 1] == '/';
    const size_t name_at = lt + (closing ? 2 : 1);
    if (name_at >= s.size() || !IsAlpha(s[name_at])) {  // not a tag: a lone '<'
      out.html.push_back('<');
      i = lt + 1;
      continue;
    }
    size_t name_end = name_at;
    while (name_end < s.size() && !IsSpace(s[name_end]) && s[name_end] != '/' && s[name_end] != '>') ++name_end;
    const GumboTag tag = gumbo_tagn_enum(s.data() + name_at, static_cast<unsigned>(name_end - name_at));
    const size_t end = TagEnd(s, lt);
    if (end == std::string_view::npos) {  // a tag cut off by the end of the page
      out.html.append(s.substr(lt));
      break;
    }
    const std::string_view markup = s.substr(lt, end - lt);
    out.html.append(markup);
    i = end;
    if (closing) {
      if (NestsForDepth(tag) && depth > 0) --depth;
      continue;
    }
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) {
      // The body runs to the matching end tag; JSON-LD scripts keep theirs.
      const std::string_view close = tag == GUMBO_TAG_SCRIPT ? "</script" : "</style";
      size_t body_end = FindNoCase(s, close, end);
      if (body_end == std::string_view::npos) body_end = s.size();
      if (tag == GUMBO_TAG_SCRIPT && FindNoCase(markup, "ld+json", 0) != std::string_view::npos)
        out.html.append(s.substr(end, body_end - end));
      i = body_end;
      continue;
    }
    const bool self_closing = markup.size() >= 2 && markup[markup.size() - 2] == '/';
    if (!self_closing && NestsForDepth(tag)) out.depth = std::max(out.depth, ++depth);
  }
  return out;
}

// ---------------------------------------------------------------- encoding

// The charset a <meta> in the first kCharsetWindow bytes declares, lower case; "" if none.
std::string DeclaredCharset(std::string_view html) {
  const std::string_view head = html.substr(0, kCharsetWindow);
  size_t at = 0;
  while ((at = FindNoCase(head, "charset", at)) != std::string_view::npos) {
    const size_t tag = head.rfind('<', at);
    const size_t close = head.rfind('>', at);
    at += 7;
    if (tag == std::string_view::npos || (close != std::string_view::npos && close > tag) ||
        !StartsWithNoCase(head, tag, "<meta"))
      continue;
    size_t v = at;
    while (v < head.size() && (IsSpace(head[v]) || head[v] == '=' || head[v] == '"' || head[v] == '\'')) ++v;
    size_t e = v;
    while (e < head.size() && !IsSpace(head[e]) && head[e] != '"' && head[e] != '\'' && head[e] != ';' &&
           head[e] != '>' && head[e] != '/')
      ++e;
    if (e > v) return LowerCopy(head.substr(v, e - v));
  }
  return "";
}

bool IsUtf8Label(std::string_view charset) { return charset == "utf-8" || charset == "utf8"; }

// `bytes` in `charset` as UTF-8, or nullopt when iconv does not know the charset.
std::optional<std::string> ConvertToUtf8(std::string_view bytes, const std::string& charset) {
  std::string from = charset;
  if (from == "iso-8859-1" || from == "latin1" || from == "us-ascii" || from == "ascii") from = "windows-1252";
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.resize(bytes.size() + bytes.size() / 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t done = 0;
  while (in_left > 0) {
    char* dst = out.data() + done;
    size_t out_left = out.size() - done;
    const size_t rc = iconv(cd, &in, &in_left, &dst, &out_left);
    done = out.size() - out_left;
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else {  // EILSEQ or EINVAL: a byte the charset does not have, or a cut sequence
      if (out.size() - done < 3) out.resize(out.size() * 2);
      out.replace(done, 3, "\xEF\xBF\xBD");
      done += 3;
      ++in;
      --in_left;
    }
  }
  iconv_close(cd);
  out.resize(done);
  return out;
}

// ---------------------------------------------------------------- pass 3: the walk

enum ElementFlag : uint8_t {
  kFurniture = 1,  // page furniture (dropped unless it wraps the article)
  kArticle = 2,    // <article> or itemprop=articleBody
  kMain = 4,       // <main> or role=main
  kParagraph = 8,  // a text block element the scope never moves into
};

struct Element {
  uint32_t parent = kNone;
  uint32_t end = 0;  // one past the last element of its subtree (pre-order numbering)
  uint8_t flags = 0;
};

struct Block {
  uint32_t owner = 0;       // the innermost element holding it
  uint32_t begin = 0, end = 0;  // into PageWalker::pool_
  uint32_t link_bytes = 0;
  uint32_t words = 0;
  bool heading = false;
  bool h1 = false;
};

bool IsInline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
    case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DFN: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_KBD: case GUMBO_TAG_MARK: case GUMBO_TAG_Q:
    case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME: case GUMBO_TAG_U: case GUMBO_TAG_VAR:
    case GUMBO_TAG_WBR: case GUMBO_TAG_BIG: case GUMBO_TAG_TT: case GUMBO_TAG_STRIKE: case GUMBO_TAG_NOBR:
    case GUMBO_TAG_LABEL: case GUMBO_TAG_INS: case GUMBO_TAG_DEL: case GUMBO_TAG_ACRONYM: case GUMBO_TAG_RUBY:
    case GUMBO_TAG_RT: case GUMBO_TAG_RP: case GUMBO_TAG_IMG:
      return true;
    default:
      return false;
  }
}

// Elements whose content is never article text.
bool GivesNoText(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP: case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

bool IsFurnitureTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool IsParagraphTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6 && tag != GUMBO_TAG_HGROUP; }

const char* Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

// The text of a node's text children (not of its elements).
std::string OwnText(const GumboNode* node) {
  std::string out;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA || child->type == GUMBO_NODE_WHITESPACE)
      out += child->v.text.text;
  }
  return out;
}

// Metadata candidates, collected during the walk and chosen after it.
struct Metadata {
  std::vector<std::string> title_meta;  // by rank
  std::vector<std::string> date_meta;   // by rank
  std::optional<std::string> ld_headline, ld_date, title_tag, marked_time, first_time;
};

class PageWalker {
 public:
  PageWalker() {
    meta_.title_meta.resize(Hints().title_meta.size());
    meta_.date_meta.resize(Hints().date_meta.size());
  }

  void Walk(const GumboNode* root);
  // The main text per the rules of the file comment; `title` is left out as a heading.
  std::string MainText(const std::optional<std::string>& title) const;
  const Metadata& metadata() const { return meta_; }
  std::optional<std::string> FirstH1() const {
    for (const Block& b : blocks_)
      if (b.h1) return pool_.substr(b.begin, b.end - b.begin);
    return std::nullopt;
  }

 private:
  struct Frame {
    const GumboNode* node;
    unsigned next_child = 0;
    uint32_t element = kNone;
    bool block = false, link = false, heading = false, h1 = false;
  };

  // Handles an element met in the walk; pushes a frame when its children are walked.
  void Enter(const GumboNode* node);
  void Exit(const Frame& frame);
  void Flush();
  void ReadMeta(const GumboNode* node);
  void ReadJsonLd(const std::string& json);
  uint8_t FlagsOf(const GumboNode* node, GumboTag tag) const;

  std::vector<Frame> stack_;
  std::vector<Element> elements_;
  std::vector<Block> blocks_;
  std::string pool_;     // the text of all blocks
  std::string pending_;  // the block being read
  uint32_t pending_link_bytes_ = 0;
  int link_depth_ = 0, heading_depth_ = 0, h1_depth_ = 0;
  Metadata meta_;
  std::unique_ptr<simdjson::dom::parser> json_;
};

uint8_t PageWalker::FlagsOf(const GumboNode* node, GumboTag tag) const {
  const HtmlHints& hints = Hints();
  uint8_t flags = 0;
  if (IsFurnitureTag(tag)) flags |= kFurniture;
  if (IsParagraphTag(tag)) flags |= kParagraph;
  if (tag == GUMBO_TAG_ARTICLE) flags |= kArticle;
  if (tag == GUMBO_TAG_MAIN) flags |= kMain;
  if (const char* role = Attribute(node, "role")) {
    const std::string r = LowerCopy(role);
    if (hints.roles.count(r)) flags |= kFurniture;
    if (r == "main") flags |= kMain;
  }
  if (const char* itemprop = Attribute(node, "itemprop"))
    if (FindNoCase(itemprop, "articlebody", 0) != std::string_view::npos) flags |= kArticle;
  if (Attribute(node, "hidden")) flags |= kFurniture;
  if (const char* aria = Attribute(node, "aria-hidden"))
    if (LowerCopy(aria) == "true") flags |= kFurniture;
  if (const char* style = Attribute(node, "style")) {
    std::string compact;
    for (const char* p = style; *p; ++p)
      if (!IsSpace(*p)) compact.push_back(Lower(*p));
    if (compact.find("display:none") != std::string::npos) flags |= kFurniture;
  }
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY) return flags & ~kFurniture;
  for (const char* name : {"class", "id"}) {
    const char* value = Attribute(node, name);
    if (!value) continue;
    std::string word;
    for (const char* p = value;; ++p) {
      const char c = *p;
      if (c == 0 || IsSpace(c) || c == '-' || c == '_') {
        if (!word.empty() && hints.furniture.count(word)) flags |= kFurniture;
        word.clear();
        if (c == 0) break;
      } else {
        word.push_back(Lower(c));
      }
    }
  }
  return flags;
}

void PageWalker::ReadMeta(const GumboNode* node) {
  const char* content = Attribute(node, "content");
  if (!content) return;
  const HtmlHints& hints = Hints();
  for (const char* name : {"property", "name", "itemprop"}) {
    const char* key = Attribute(node, name);
    if (!key) continue;
    const std::string k = LowerCopy(key);
    if (auto it = hints.title_meta.find(k); it != hints.title_meta.end() && meta_.title_meta[it->second].empty())
      meta_.title_meta[it->second] = Collapsed(content);
    if (auto it = hints.date_meta.find(k); it != hints.date_meta.end() && meta_.date_meta[it->second].empty())
      meta_.date_meta[it->second] = content;
  }
}

// The first headline and datePublished strings of a JSON-LD block, in document order.
void PageWalker::ReadJsonLd(const std::string& json) {
  if (!json_) json_ = std::make_unique<simdjson::dom::parser>();
  simdjson::dom::element root;
  if (json_->parse(json).get(root)) return;  // broken JSON-LD is common; it is passed over
  std::vector<simdjson::dom::element> todo{root};
  while (!todo.empty()) {
    const simdjson::dom::element e = todo.back();
    todo.pop_back();
    simdjson::dom::object object;
    simdjson::dom::array array;
    if (!e.get_object().get(object)) {
      std::vector<simdjson::dom::element> children;
      for (auto [key, value] : object) {
        std::string_view s;
        if (key == "headline" && !meta_.ld_headline && !value.get_string().get(s)) meta_.ld_headline = Collapsed(s);
        else if (key == "datePublished" && !meta_.ld_date && !value.get_string().get(s)) meta_.ld_date.emplace(s);
        else if (value.is_object() || value.is_array()) children.push_back(value);
      }
      todo.insert(todo.end(), children.rbegin(), children.rend());  // first child on top
    } else if (!e.get_array().get(array)) {
      std::vector<simdjson::dom::element> children;
      for (simdjson::dom::element value : array)
        if (value.is_object() || value.is_array()) children.push_back(value);
      todo.insert(todo.end(), children.rbegin(), children.rend());
    }
  }
}

void PageWalker::Enter(const GumboNode* node) {
  const GumboTag tag = node->type == GUMBO_NODE_TEMPLATE ? GUMBO_TAG_TEMPLATE : node->v.element.tag;
  // Metadata, wherever it is.
  switch (tag) {
    case GUMBO_TAG_META:
      ReadMeta(node);
      return;
    case GUMBO_TAG_TITLE:
      if (!meta_.title_tag && node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
        std::string t = Collapsed(OwnText(node));
        if (!t.empty()) meta_.title_tag = std::move(t);
      }
      return;
    case GUMBO_TAG_SCRIPT:
      if (const char* type = Attribute(node, "type"))
        if (FindNoCase(type, "ld+json", 0) != std::string_view::npos) ReadJsonLd(OwnText(node));
      return;
    case GUMBO_TAG_TIME:
      if (const char* datetime = Attribute(node, "datetime")) {
        const char* itemprop = Attribute(node, "itemprop");
        const bool marked = Attribute(node, "pubdate") ||
                            (itemprop && FindNoCase(itemprop, "datepublished", 0) != std::string_view::npos);
        if (marked && !meta_.marked_time) meta_.marked_time = datetime;
        if (!meta_.first_time) meta_.first_time = datetime;
      }
      break;
    default:
      break;
  }
  if (GivesNoText(tag) || node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return;
  if (tag == GUMBO_TAG_BR) {  // a line break inside the block
    while (!pending_.empty() && pending_.back() == ' ') pending_.pop_back();
    if (!pending_.empty() && pending_.back() != '\n') pending_.push_back('\n');
    return;
  }
  if (tag == GUMBO_TAG_HR) {
    Flush();
    return;
  }
  Frame frame;
  frame.node = node;
  frame.block = !IsInline(tag);
  frame.link = tag == GUMBO_TAG_A;
  frame.heading = IsHeading(tag);
  frame.h1 = tag == GUMBO_TAG_H1;
  if (frame.block) Flush();
  frame.element = static_cast<uint32_t>(elements_.size());
  Element& element = elements_.emplace_back();
  element.parent = stack_.empty() ? kNone : stack_.back().element;
  element.flags = FlagsOf(node, tag);
  link_depth_ += frame.link;
  heading_depth_ += frame.heading;
  h1_depth_ += frame.h1;
  stack_.push_back(frame);
}

void PageWalker::Exit(const Frame& frame) {
  if (frame.block) Flush();
  elements_[frame.element].end = static_cast<uint32_t>(elements_.size());
  link_depth_ -= frame.link;
  heading_depth_ -= frame.heading;
  h1_depth_ -= frame.h1;
}

void PageWalker::Flush() {
  while (!pending_.empty() && (pending_.back() == ' ' || pending_.back() == '\n')) pending_.pop_back();
  if (!pending_.empty() && !stack_.empty()) {
    Block& b = blocks_.emplace_back();
    b.owner = stack_.back().element;
    b.begin = static_cast<uint32_t>(pool_.size());
    pool_ += pending_;
    b.end = static_cast<uint32_t>(pool_.size());
    b.link_bytes = std::min<uint32_t>(pending_link_bytes_, static_cast<uint32_t>(pending_.size()));
    b.heading = heading_depth_ > 0;
    b.h1 = h1_depth_ > 0;
    bool in_word = false;
    for (char c : pending_) {
      if (c != ' ' && c != '\n' && !in_word) ++b.words;
      in_word = c != ' ' && c != '\n';
    }
  }
  pending_.clear();
  pending_link_bytes_ = 0;
}

void PageWalker::Walk(const GumboNode* root) {
  Enter(root);
  while (!stack_.empty()) {
    Frame& top = stack_.back();
    const GumboVector& children = top.node->v.element.children;
    if (top.next_child == children.length) {
      const Frame done = top;
      Exit(done);
      stack_.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
    switch (child->type) {
      case GUMBO_NODE_TEXT: case GUMBO_NODE_CDATA: case GUMBO_NODE_WHITESPACE: {
        const size_t added = AppendCollapsed(child->v.text.text, &pending_);
        if (link_depth_ > 0) pending_link_bytes_ += static_cast<uint32_t>(added);
        break;
      }
      case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE:
        Enter(child);  // may push: `top` is not used after this
        break;
      default:
        break;
    }
  }
  Flush();
}

// Whether a block reads like a sentence's end: . ! ? or an ellipsis, before closing
// quotes or brackets.
bool EndsLikeSentence(std::string_view s) {
  while (!s.empty()) {
    const char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 &&
               (s.substr(s.size() - 3) == "\xE2\x80\x9D" || s.substr(s.size() - 3) == "\xE2\x80\x99")) {
      s.remove_suffix(3);  // ” ’
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6");
}

std::string PageWalker::MainText(const std::optional<std::string>& title) const {
  const size_t n = elements_.size();
  if (n == 0) return "";
  // Step 1: which blocks are prose, and each element's prose bytes (children follow
  // their parents in pre-order, so a reverse sweep adds each total to its parent).
  std::vector<uint8_t> prose(blocks_.size());
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const Block& b = blocks_[i];
    const uint32_t size = b.end - b.begin;
    if (b.link_bytes * 2 >= size) continue;
    const std::string_view text(pool_.data() + b.begin, size);
    prose[i] = b.heading ? 2 : (b.words >= kMinProseWords || EndsLikeSentence(text)) ? 1 : 0;
  }
  auto totals = [&](const std::vector<uint8_t>* dropped) {
    std::vector<uint64_t> total(n);
    for (size_t i = 0; i < blocks_.size(); ++i)
      if (prose[i] == 1 && !(dropped && (*dropped)[blocks_[i].owner]))
        total[blocks_[i].owner] += blocks_[i].end - blocks_[i].begin;
    for (size_t e = n; e-- > 1;)
      if (elements_[e].parent != kNone) total[elements_[e].parent] += total[e];
    return total;
  };
  const std::vector<uint64_t> all = totals(nullptr);
  // Step 2: furniture goes, with its subtree, unless it wraps the article.
  std::vector<uint8_t> dropped(n);
  for (size_t e = 0; e < n; ++e) {
    const Element& el = elements_[e];
    const bool parent_dropped = el.parent != kNone && dropped[el.parent];
    dropped[e] = parent_dropped || ((el.flags & kFurniture) && all[e] < kFurnitureShare * all[0]);
  }
  const std::vector<uint64_t> kept = totals(&dropped);
  // Step 3: the scope: the best <article>, else <main>, else the whole page.
  uint32_t scope = 0;
  for (const uint8_t flag : {kArticle, kMain}) {
    uint32_t best = kNone;
    for (uint32_t e = 0; e < n; ++e)
      if ((elements_[e].flags & flag) && !dropped[e] && (best == kNone || kept[e] > kept[best])) best = e;
    if (best != kNone && kept[best] > 0 && kept[best] >= kScopeShare * kept[0]) {
      scope = best;
      break;
    }
  }
  // Step 4: down to the deepest element holding kCoreShare of the scope's prose.
  std::vector<uint32_t> best_child(n, kNone);
  for (uint32_t e = 1; e < n; ++e) {
    const uint32_t p = elements_[e].parent;
    if (p != kNone && !dropped[e] && (best_child[p] == kNone || kept[e] > kept[best_child[p]])) best_child[p] = e;
  }
  const uint64_t scope_total = kept[scope];
  while (best_child[scope] != kNone) {
    const uint32_t c = best_child[scope];
    if ((elements_[c].flags & kParagraph) || kept[c] == 0 || kept[c] < kCoreShare * scope_total) break;
    scope = c;
  }
  // Step 5: the prose blocks and headings of the scope, in page order.
  std::string text;
  bool title_seen = false;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const Block& b = blocks_[i];
    if (!prose[i] || dropped[b.owner] || b.owner < scope || b.owner >= elements_[scope].end) continue;
    const std::string_view block(pool_.data() + b.begin, b.end - b.begin);
    if (b.heading && title && !title_seen && block == *title) {
      title_seen = true;
      continue;
    }
    if (!text.empty()) text += "\n\n";
    text += block;
  }
  return text;
}

// A <title> is often the headline, a separator and the site's name: when the page's
// first <h1> is the title up to such a separator, the <h1> is the headline.
std::string TitleWithoutSite(const std::string& title, const std::optional<std::string>& h1) {
  if (!h1 || h1->empty() || title.size() <= h1->size() || title.compare(0, h1->size(), *h1) != 0) return title;
  std::string_view rest = std::string_view(title).substr(h1->size());
  for (std::string_view separator : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " : ", " \xC2\xB7 "})
    if (rest.substr(0, separator.size()) == separator) return *h1;
  return title;
}

// The first candidate that reads as a date, normalised.
std::optional<std::string> ChooseDate(const Metadata& m) {
  for (const std::string& raw : m.date_meta)
    if (!raw.empty())
      if (auto date = NormaliseArticleDate(raw)) return date;
  for (const auto* raw : {&m.ld_date, &m.marked_time, &m.first_time})
    if (*raw)
      if (auto date = NormaliseArticleDate(**raw)) return date;
  return std::nullopt;
}

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

// Step 1 of the encoding rules: the page's bytes as UTF-8.
std::string AsUtf8(std::string_view html, const std::string& given_charset, std::vector<std::string>* warnings) {
  std::string charset = LowerCopy(given_charset);
  if (charset.empty()) charset = DeclaredCharset(html);
  if (charset.empty()) {
    if (!FirstInvalidUtf8(html)) return std::string(html);
    charset = "windows-1252";
  }
  if (IsUtf8Label(charset)) return std::string(html);
  if (auto converted = ConvertToUtf8(html, charset)) return std::move(*converted);
  warnings->push_back("unknown charset \"" + charset.substr(0, 40) + "\"; read as UTF-8");
  return std::string(html);
}

std::string ArticleIdForFile(const std::string& path) { return std::filesystem::path(path).stem().string(); }

class HtmlReader final : public ArticleReader {
 public:
  HtmlReader(std::string path, const ReaderOptions& options) : path_(std::move(path)), options_(options) {}

  bool Next(ReadItem* item) override {
    if (done_) return false;
    done_ = true;
    item->article.reset();
    std::FILE* file = std::fopen(path_.c_str(), "rb");
    if (!file) return Fail(item, ErrorCode::kIo, "cannot open");
    std::string contents;
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, file)) > 0) {
      bytes_ += n;
      if (contents.size() + n > options_.max_article_bytes) {
        contents.clear();
        contents.shrink_to_fit();
        while (std::fread(buf, 1, sizeof buf, file) > 0) {}
        std::fclose(file);
        return Fail(item, ErrorCode::kTooLarge,
                    "file is over the limit of " + std::to_string(options_.max_article_bytes) + " bytes");
      }
      contents.append(buf, n);
    }
    const bool failed = std::ferror(file);
    std::fclose(file);
    if (failed) return Fail(item, ErrorCode::kIo, "read error");
    Article article;
    article.id = ArticleIdForFile(path_);
    const Status status = FillFromHtml(contents, HtmlOptions{}, &article);
    if (!status.ok()) return Fail(item, status.code(), status.message());
    FinishArticle(std::move(article), path_, item);
    return true;
  }

  uint64_t BytesRead() const override { return bytes_; }

 private:
  bool Fail(ReadItem* item, ErrorCode code, const std::string& reason) {
    item->error = code;
    item->message = path_ + ": " + reason;
    return true;
  }

  std::string path_;
  ReaderOptions options_;
  bool done_ = false;
  uint64_t bytes_ = 0;
};

}  // namespace

Result<HtmlPage> ReadHtmlPage(std::string_view html, const HtmlOptions& options) {
  if (!Hints().status.ok()) return Hints().status;
  HtmlPage page;
  // Pass 1: the prescan.
  Prescan pre = RunPrescan(html);
  if (pre.html.size() > options.max_bytes)
    return Status(ErrorCode::kTooLarge, "HTML page holds " + std::to_string(pre.html.size()) +
                                            " bytes without comments, scripts and styles, over the limit of " +
                                            std::to_string(options.max_bytes));
  if (pre.depth > kMaxHtmlDepth)
    return Status(ErrorCode::kTooLarge, "HTML elements nest about " + std::to_string(pre.depth) +
                                            " deep, over the limit of " + std::to_string(kMaxHtmlDepth));
  const std::string utf8 = AsUtf8(pre.html, options.charset, &page.warnings);
  pre.html.clear();
  pre.html.shrink_to_fit();
  // Pass 2: the parse.
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&gumbo_options, utf8.data(), utf8.size()));
  if (!output || !output->root) return Status(ErrorCode::kMissingText, "the HTML page could not be parsed");
  // Passes 3 and 4: the walk and the text.
  PageWalker walker;
  walker.Walk(output->root);
  const Metadata& m = walker.metadata();
  for (const std::string& t : m.title_meta)
    if (!t.empty()) {
      page.title = t;
      break;
    }
  if (!page.title && m.ld_headline) page.title = m.ld_headline;
  if (!page.title && m.title_tag) page.title = TitleWithoutSite(*m.title_tag, walker.FirstH1());
  if (!page.title) page.title = walker.FirstH1();
  if (page.title && page.title->empty()) page.title.reset();
  // gumbo can decode a numeric character reference that overflows its code point
  // ("&#05555...5;") to bytes that are not UTF-8; they become U+FFFD, as HTML5 says.
  if (page.title) page.title = ReplaceInvalidUtf8(*page.title);
  page.date = ChooseDate(m);
  page.text = ReplaceInvalidUtf8(walker.MainText(page.title));
  if (page.text.empty()) return Status(ErrorCode::kMissingText, "no article text found in the HTML page");
  return page;
}

Status FillFromHtml(std::string_view html, const HtmlOptions& options, Article* article) {
  Result<HtmlPage> page = ReadHtmlPage(html, options);
  if (!page.ok()) return page.status();
  HtmlPage& p = page.value();
  article->text = std::move(p.text);
  if (!article->title) article->title = std::move(p.title);
  if (!article->date) article->date = std::move(p.date);
  for (std::string& w : p.warnings) article->warnings.push_back(std::move(w));
  return Status::Ok();
}

std::unique_ptr<ArticleReader> NewHtmlReader(std::string path, const ReaderOptions& options) {
  return std::make_unique<HtmlReader>(std::move(path), options);
}

}  // namespace annals
