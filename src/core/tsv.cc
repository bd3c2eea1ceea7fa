#include "core/tsv.h"

namespace annals {

std::vector<std::string_view> SplitView(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

int TsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

Result<TsvTable> ParseTsv(std::string_view data, std::string_view name, size_t min_fields) {
  TsvTable table;
  int line_number = 0;
  size_t start = 0;
  while (start < data.size()) {
    size_t end = data.find('\n', start);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields = SplitView(line, '\t');
    if (table.header.empty()) {
      table.header = std::move(fields);
      if (table.header.size() < min_fields)
        return Status(ErrorCode::kCorruptResource, std::string(name) + ":" + std::to_string(line_number) +
                                                       ": the header has fewer than " +
                                                       std::to_string(min_fields) + " columns");
      continue;
    }
    if (fields.size() < min_fields)
      return Status(ErrorCode::kCorruptResource, std::string(name) + ":" + std::to_string(line_number) + ": " +
                                                     std::to_string(fields.size()) + " fields, " +
                                                     std::to_string(min_fields) + " needed: '" +
                                                     std::string(line.substr(0, 80)) + "'");
    table.rows.push_back(TsvTable::Row{std::move(fields), line_number});
  }
  if (table.header.empty())
    return Status(ErrorCode::kCorruptResource, std::string(name) + ": no header line");
  return table;
}

}  // namespace annals
