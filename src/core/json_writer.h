// A small streaming JSON writer that appends to a std::string.
//
// Contract: the caller emits a well-formed sequence (Key only inside objects, every
// Begin matched by its End); the writer inserts commas and escapes strings. Strings
// must be valid UTF-8 (the readers guarantee it for article text); control
// characters, quotes and backslashes are escaped, everything else is written as is.
#ifndef ANNALS_CORE_JSON_WRITER_H_
#define ANNALS_CORE_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);

  void String(std::string_view value);
  void Int(int64_t value);
  // Writes a finite number with at most `digits` decimals, trailing zeros trimmed.
  void Double(double value, int digits = 6);
  void Bool(bool value);
  void Null();

  void OptionalString(const std::optional<std::string>& value);
  void OptionalInt(const std::optional<int64_t>& value);
  void OptionalDouble(const std::optional<double>& value, int digits = 6);

 private:
  void Separate();  // writes the comma before a value or key when needed
  std::string* out_;
  std::vector<bool> has_item_;  // one entry per open container
  bool after_key_ = false;
};

// Appends `value` to `out` as a quoted, escaped JSON string.
void AppendJsonString(std::string_view value, std::string* out);

}  // namespace annals

#endif  // ANNALS_CORE_JSON_WRITER_H_
