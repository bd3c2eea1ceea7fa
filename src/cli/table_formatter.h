// `annals code --format table`: a fixed-width text table of events for people to read
// (make demo prints it). One row per event, one "(no events)" row per article without
// events, a header once. Not a data format: use events, csv or geojson for machines.
//
// Columns (widths in terminal columns):
//   ARTICLE 16 | DATE 10 | TYPE/MODE 16 | ACLED SUB-TYPE 22 | PLACE 18 |
//   SOURCE → TARGET 24 | KILL 4 | INJ 4 | ARR 4 | PART 5 | EVIDENCE 48
// separated by two spaces. Text cells are left-aligned and cut with "…" when too long,
// counts are right-aligned; an unknown value is "-". Every cell is cut at a code point
// boundary, so the table is valid UTF-8 whatever the input.
#ifndef ANNALS_CLI_TABLE_FORMATTER_H_
#define ANNALS_CLI_TABLE_FORMATTER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "annals/annals.h"

namespace annals::cli {

class TableFormatter {
 public:
  // The header line and a rule under it.
  std::string Begin() const;
  // Appends the rows of one article. `article` supplies the text that the evidence
  // spans point into (the record keeps only offsets); spans outside it are ignored.
  void Append(const Article& article, const ArticleRecord& record, std::string* out) const;
};

// The number of terminal columns `utf8` takes (wide characters 2, combining marks 0;
// a byte that is not valid UTF-8 counts as one column, like the U+FFFD that replaces it).
size_t DisplayWidth(std::string_view utf8);

// Appends `text` as a cell of exactly `width` columns: runs of whitespace become one
// space and the ends are trimmed; a longer text is cut at a code point boundary and
// ends with "…"; a shorter one is padded with spaces (on the left when `right_align`).
// Invalid UTF-8 bytes are written as U+FFFD.
void AppendCell(std::string_view text, size_t width, bool right_align, std::string* out);

}  // namespace annals::cli

#endif  // ANNALS_CLI_TABLE_FORMATTER_H_
