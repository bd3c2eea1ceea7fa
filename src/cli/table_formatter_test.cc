#include "cli/table_formatter.h"

#include <gtest/gtest.h>

#include <string>

namespace annals::cli {
namespace {

std::string Cell(std::string_view text, size_t width, bool right = false) {
  std::string out;
  AppendCell(text, width, right, &out);
  return out;
}

TEST(DisplayWidthTest, CountsColumnsNotBytes) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("Île-de-France"), 13u);     // Î is 2 bytes, 1 column
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);          // e + combining acute: 1 column
  EXPECT_EQ(DisplayWidth("東京"), 4u);               // wide characters: 2 columns each
  EXPECT_EQ(DisplayWidth("a\xFF" "b"), 3u);          // a bad byte counts as one column
  EXPECT_EQ(DisplayWidth(""), 0u);
}

TEST(AppendCellTest, PadsShortTextLeftOrRight) {
  EXPECT_EQ(Cell("abc", 6), "abc   ");
  EXPECT_EQ(Cell("42", 5, true), "   42");
  EXPECT_EQ(Cell("Ayşe", 6), "Ayşe  ");  // ş is 2 bytes but one column
  EXPECT_EQ(Cell("abcdef", 6), "abcdef");
}

TEST(AppendCellTest, CollapsesWhitespaceAndTrimsEnds) {
  EXPECT_EQ(Cell("  one\n\ttwo  \r\nthree ", 16), "one two three   ");
  EXPECT_EQ(Cell("a\xC2\xA0" "b", 4), "a b ");  // no-break space is whitespace too
}

TEST(AppendCellTest, CutsWithEllipsisAtCodePointBoundary) {
  EXPECT_EQ(Cell("abcdefgh", 5), "abcd…");
  // Each é is two bytes: a byte-based cut would split one; the cell keeps whole ones.
  EXPECT_EQ(Cell("éééééé", 4), "ééé…");
  // A wide character that would overflow the room is left out, the cell padded.
  EXPECT_EQ(Cell("a東京", 4), "a東…");
  EXPECT_EQ(Cell("ab東京", 4), "ab… ");
  // No space before the ellipsis.
  EXPECT_EQ(Cell("one two three", 5), "one… ");
  EXPECT_EQ(Cell("abc", 0), "");
  EXPECT_EQ(Cell("abc", 1), "…");
}

TEST(AppendCellTest, ReplacesInvalidBytes) {
  EXPECT_EQ(Cell("a\xE2\x82" "b", 5), "a\xEF\xBF\xBD\xEF\xBF\xBD" "b ");  // truncated € sequence: 2 bad bytes
}

// A record with one coded event, as the pipeline would fill it.
ArticleRecord SampleRecord() {
  ArticleRecord record;
  record.id = "nairobi_march";
  record.date = "2023-05-18";
  Event event;
  event.id = "nairobi_march-e1";
  event.type = EventType::kProtest;
  event.mode = "demo";
  event.cameo = "141";
  event.acled = AcledType{"Protests", "Peaceful protest"};
  event.date = "2023-05-17";
  Location location;
  location.mention = "Nairobi";
  location.name = "Nairobi";
  location.country = "KE";
  event.location = location;
  Actor teachers;
  teachers.text = "teachers";
  teachers.kind = ActorKind::kLabor;
  teachers.code = "KENLAB";
  Actor ministry;
  ministry.text = "the ministry";
  ministry.kind = ActorKind::kGovernment;
  event.source = {teachers};
  event.target = {ministry};  // no code: the kind stands in
  event.outcome.participants = 6000;
  event.outcome.arrested = 0;
  event.evidence = {Span{0, 29, Field::kText}};  // "Thousands of\nteachers marched"
  event.trigger = "marched";
  record.events.push_back(event);
  return record;
}

TEST(TableFormatterTest, HeaderIsTitlesAndARule) {
  const std::string header = TableFormatter().Begin();
  const std::string titles =
      "ARTICLE           DATE        TYPE/MODE         ACLED SUB-TYPE          PLACE               "
      "SOURCE → TARGET           KILL   INJ   ARR   PART  EVIDENCE\n";
  ASSERT_EQ(header.substr(0, titles.size()), titles);
  // The rule is as wide as the columns and their gaps: 171 + 10 * 2 columns.
  const std::string rule = header.substr(titles.size());
  EXPECT_EQ(DisplayWidth(rule.substr(0, rule.size() - 1)), 191u);
  EXPECT_EQ(rule.back(), '\n');
}

TEST(TableFormatterTest, OneRowPerEventWithEvidenceFromTheText) {
  Article article;
  article.text = "Thousands of\nteachers marched through central Nairobi.";
  std::string out;
  TableFormatter().Append(article, SampleRecord(), &out);
  EXPECT_EQ(out,
            "nairobi_march     2023-05-17  PROTEST/demo      Peaceful protest        Nairobi, KE         "
            "KENLAB → government          -     -     0   6000  Thousands of teachers marched\n");
}

TEST(TableFormatterTest, LongCellsAreCutAndSpansOutsideTheTextFallBackToTrigger) {
  ArticleRecord record = SampleRecord();
  record.id = "an_article_id_longer_than_sixteen";
  Event& event = record.events[0];
  event.mode.clear();
  event.acled = AcledType{"Violence against civilians", "Sexual violence against civilians"};
  event.location->name = "Porte d'Aubervilliers, Paris";
  event.evidence = {Span{10, 500, Field::kText}};  // beyond the text: not used
  event.outcome.killed = 15;
  Article article;
  article.text = "short";
  std::string out;
  TableFormatter().Append(article, record, &out);
  EXPECT_EQ(out,
            "an_article_id_l…  2023-05-17  PROTEST           Sexual violence again…  Porte d'Aubervill…  "
            "KENLAB → government         15     -     0   6000  marched\n");
}

TEST(TableFormatterTest, ArticleWithoutEventsGetsOneRow) {
  ArticleRecord record;
  record.id = "quiet_day";
  std::string out;
  TableFormatter().Append(Article{}, record, &out);
  EXPECT_EQ(out,
            "quiet_day         -           -                 -                       -                   "
            "-                            -     -     -      -  (no events)\n");
}

}  // namespace
}  // namespace annals::cli
