// CSV fields as RFC 4180 writes them, for every CSV the project prints (`annals code
// --format csv`, the store's export, `annals stats --format csv`).
#pragma once

#include <string>
#include <string_view>

namespace annals {

// Appends `value` to `out` as one CSV field: as it is, or between double quotes (inner
// quotes doubled) when it holds a comma, a double quote or a line break.
void AppendCsvField(std::string_view value, std::string* out);

}  // namespace annals
