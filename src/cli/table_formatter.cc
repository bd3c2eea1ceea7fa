#include "cli/table_formatter.h"

#include <utf8proc.h>

#include <algorithm>
#include <vector>

namespace annals::cli {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026, one column
constexpr std::string_view kArrow = " \xE2\x86\x92 ";      // " → "
constexpr std::string_view kGap = "  ";
constexpr std::string_view kUnknown = "-";

struct Column {
  std::string_view title;
  size_t width;
  bool right_align;
};

// The table's columns, in order (see the header comment).
constexpr Column kColumns[] = {
    {"ARTICLE", 16, false},        {"DATE", 10, false},       {"TYPE/MODE", 16, false},
    {"ACLED SUB-TYPE", 22, false}, {"PLACE", 18, false},      {"SOURCE \xE2\x86\x92 TARGET", 24, false},
    {"KILL", 4, true},             {"INJ", 4, true},          {"ARR", 4, true},
    {"PART", 5, true},             {"EVIDENCE", 48, false},
};
constexpr size_t kColumnCount = sizeof kColumns / sizeof kColumns[0];

// One code point of a cell: its bytes (or U+FFFD for a bad byte) and its width.
struct Glyph {
  std::string_view bytes;
  size_t width;
};

// Decodes `text` into glyphs with whitespace runs collapsed to one space and the ends
// trimmed. Views point into `text` or into constants.
void Glyphs(std::string_view text, std::vector<Glyph>* glyphs) {
  glyphs->clear();
  size_t pos = 0;
  bool pending_space = false;
  while (pos < text.size()) {
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                         static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0) {  // not UTF-8: one replacement character per bad byte
      if (pending_space && !glyphs->empty()) glyphs->push_back({" ", 1});
      pending_space = false;
      glyphs->push_back({kReplacement, 1});
      ++pos;
      continue;
    }
    const std::string_view bytes = text.substr(pos, static_cast<size_t>(n));
    pos += static_cast<size_t>(n);
    const utf8proc_category_t category = utf8proc_category(cp);
    if (category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
        category == UTF8PROC_CATEGORY_ZP || category == UTF8PROC_CATEGORY_CC) {
      pending_space = true;  // tabs, line breaks and other controls too
      continue;
    }
    if (pending_space && !glyphs->empty()) glyphs->push_back({" ", 1});
    pending_space = false;
    glyphs->push_back({bytes, static_cast<size_t>(std::max(0, utf8proc_charwidth(cp)))});
  }
}

std::string CountText(const std::optional<int64_t>& count) {
  return count ? std::to_string(*count) : std::string(kUnknown);
}

// "FRACOP+FRAGOV": the actors' codes, or their kinds where a code is missing.
std::string ActorCodes(const std::vector<Actor>& actors) {
  std::string out;
  for (const Actor& actor : actors) {
    if (!out.empty()) out.push_back('+');
    out.append(actor.code.empty() ? std::string(ToString(actor.kind)) : actor.code);
  }
  return out.empty() ? std::string(kUnknown) : out;
}

std::string PlaceText(const std::optional<Location>& location) {
  if (!location) return std::string(kUnknown);
  std::string out = location->name.value_or(location->mention.value_or(""));
  if (location->country) {
    if (!out.empty()) out.append(", ");
    out.append(*location->country);
  }
  return out.empty() ? std::string(kUnknown) : out;
}

// The text of the event's first evidence span that lies inside the article, else the
// trigger.
std::string_view EvidenceText(const Article& article, const Event& event) {
  for (const Span& span : event.evidence) {
    std::string_view field = article.text;
    if (span.field == Field::kTitle) field = article.title ? std::string_view(*article.title) : std::string_view();
    if (span.start < span.end && span.end <= field.size()) return field.substr(span.start, span.end - span.start);
  }
  return event.trigger;
}

void AppendRow(const std::string_view (&cells)[kColumnCount], std::string* out) {
  for (size_t i = 0; i < kColumnCount; ++i) {
    if (i > 0) out->append(kGap);
    // The last column is not padded, so that lines carry no trailing spaces.
    if (i + 1 == kColumnCount) {
      const size_t before = out->size();
      AppendCell(cells[i], kColumns[i].width, false, out);
      while (out->size() > before && out->back() == ' ') out->pop_back();
    } else {
      AppendCell(cells[i], kColumns[i].width, kColumns[i].right_align, out);
    }
  }
  out->push_back('\n');
}

}  // namespace

size_t DisplayWidth(std::string_view utf8) {
  size_t width = 0, pos = 0;
  while (pos < utf8.size()) {
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data() + pos),
                         static_cast<utf8proc_ssize_t>(utf8.size() - pos), &cp);
    if (n <= 0) {
      ++width;
      ++pos;
      continue;
    }
    width += static_cast<size_t>(std::max(0, utf8proc_charwidth(cp)));
    pos += static_cast<size_t>(n);
  }
  return width;
}

void AppendCell(std::string_view text, size_t width, bool right_align, std::string* out) {
  thread_local std::vector<Glyph> glyphs;
  Glyphs(text, &glyphs);
  size_t total = 0;
  for (const Glyph& g : glyphs) total += g.width;
  // Step 1: how many glyphs fit; when not all do, leave one column for the ellipsis.
  size_t take = glyphs.size(), used = total;
  bool cut = false;
  if (total > width) {
    cut = true;
    take = 0;
    used = 0;
    const size_t room = width == 0 ? 0 : width - 1;
    while (take < glyphs.size() && used + glyphs[take].width <= room) used += glyphs[take++].width;
    while (take > 0 && glyphs[take - 1].bytes == " ") used -= glyphs[--take].width;  // no space before "…"
    if (width > 0) ++used;
  }
  // Step 2: pad and write.
  const size_t pad = width > used ? width - used : 0;
  if (right_align) out->append(pad, ' ');
  for (size_t i = 0; i < take; ++i) out->append(glyphs[i].bytes);
  if (cut && width > 0) out->append(kEllipsis);
  if (!right_align) out->append(pad, ' ');
}

std::string TableFormatter::Begin() const {
  std::string out;
  std::string_view titles[kColumnCount];
  for (size_t i = 0; i < kColumnCount; ++i) titles[i] = kColumns[i].title;
  AppendRow(titles, &out);
  size_t rule = 0;
  for (size_t i = 0; i < kColumnCount; ++i) rule += kColumns[i].width + (i > 0 ? kGap.size() : 0);
  for (size_t i = 0; i < rule; ++i) out.append("\xE2\x94\x80");  // U+2500 box drawing
  out.push_back('\n');
  return out;
}

void TableFormatter::Append(const Article& article, const ArticleRecord& record, std::string* out) const {
  const std::string record_date = record.date.value_or(std::string(kUnknown));
  if (record.events.empty()) {
    const std::string_view cells[kColumnCount] = {record.id, record_date, kUnknown, kUnknown, kUnknown, kUnknown,
                                                  kUnknown,  kUnknown,    kUnknown, kUnknown, "(no events)"};
    AppendRow(cells, out);
    return;
  }
  for (const Event& event : record.events) {
    std::string type(ToString(event.type));
    if (!event.mode.empty()) type.append("/").append(event.mode);
    const std::string actors = ActorCodes(event.source) + std::string(kArrow) + ActorCodes(event.target);
    const std::string place = PlaceText(event.location);
    const std::string killed = CountText(event.outcome.killed), injured = CountText(event.outcome.injured),
                      arrested = CountText(event.outcome.arrested),
                      participants = CountText(event.outcome.participants);
    const std::string_view cells[kColumnCount] = {
        record.id,
        event.date ? std::string_view(*event.date) : std::string_view(record_date),
        type,
        event.acled ? std::string_view(event.acled->sub_event_type) : kUnknown,
        place,
        actors,
        killed,
        injured,
        arrested,
        participants,
        EvidenceText(article, event)};
    AppendRow(cells, out);
  }
}

}  // namespace annals::cli
