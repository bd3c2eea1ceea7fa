// Reading the project's TSV lexicons (data/*.tsv): lines starting with '#' are
// comments, the first other line is the header naming the columns, blank lines are
// ignored, fields are separated by tabs.
#ifndef ANNALS_CORE_TSV_H_
#define ANNALS_CORE_TSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "annals/annals.h"

namespace annals {

struct TsvTable {
  std::vector<std::string_view> header;
  struct Row {
    std::vector<std::string_view> fields;  // views into the parsed text
    int line = 0;                          // 1-based line number in the file
  };
  std::vector<Row> rows;

  // Index of a header column, or -1.
  int Column(std::string_view name) const;
};

// Parses `data` (which must outlive the table). `name` is used in error messages
// ("triggers.tsv:12: 3 fields, the header has 9"). Rows with fewer fields than
// `min_fields` are an error.
Result<TsvTable> ParseTsv(std::string_view data, std::string_view name, size_t min_fields);

// Splits `s` on `sep`, keeping empty parts.
std::vector<std::string_view> SplitView(std::string_view s, char sep);

}  // namespace annals

#endif  // ANNALS_CORE_TSV_H_
