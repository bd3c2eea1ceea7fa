#include "serve/static_files.h"

#include "core/tsv.h"

namespace annals {
namespace embedded {
extern const std::string_view kContentTypesTsv;
}  // namespace embedded

namespace serve {

namespace fs = std::filesystem;

namespace {

// "'PATH': WHY" (the path cut at 200 bytes).
Status Refusal(ErrorCode code, std::string_view path, std::string_view why) {
  std::string message;
  message.append("'").append(path.substr(0, 200)).append("': ").append(why);
  return Status(code, std::move(message));
}

}  // namespace

Result<StaticFiles> StaticFiles::Open(const fs::path& root) {
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  if (ec || !fs::is_directory(canonical, ec))
    return Status(ErrorCode::kIo, "the web folder '" + root.string() + "' does not exist");
  Result<TsvTable> table = ParseTsv(embedded::kContentTypesTsv, "data/serve/content_types.tsv", 2);
  if (!table.ok()) return table.status();
  StaticFiles files;
  files.root_ = std::move(canonical);
  for (const TsvTable::Row& row : table.value().rows)
    files.types_.emplace(std::string(row.fields[0]), std::string(row.fields[1]));
  return files;
}

std::string_view StaticFiles::ContentType(std::string_view file_name) const {
  const size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string ext(file_name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  auto it = types_.find(ext);
  return it == types_.end() ? std::string_view() : std::string_view(it->second);
}

Result<StaticFiles::File> StaticFiles::Resolve(std::string_view url_path) const {
  auto refuse = [&](std::string_view why) { return Refusal(ErrorCode::kInvalidArgument, url_path, why); };
  // Step 1: the segments, each a plain name.
  if (url_path.empty() || url_path.front() != '/') return refuse("not an absolute path");
  std::string relative(url_path.substr(1));
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  fs::path path = root_;
  std::string_view rest = relative;
  while (!rest.empty()) {
    const size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment.empty() || segment == "." || segment == ".." ||
        segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos)
      return refuse("a path segment is empty, '.', '..' or holds a backslash or NUL");
    if (slash != std::string_view::npos && rest.empty()) return refuse("an empty path segment");
    path /= segment;
  }
  // Step 2: an existing regular file inside the folder, all links resolved.
  std::error_code ec;
  const fs::path real = fs::canonical(path, ec);
  if (ec) return Refusal(ErrorCode::kIo, url_path, "no such file");
  const std::string& root = root_.native();
  const std::string& file = real.native();
  if (file.size() <= root.size() || file.compare(0, root.size(), root) != 0 || file[root.size()] != '/')
    return refuse("outside the web folder");
  if (!fs::is_regular_file(real, ec)) return Refusal(ErrorCode::kIo, url_path, "not a file");
  // Step 3: a type we serve.
  const std::string_view type = ContentType(real.filename().native());
  if (type.empty()) return refuse("not a file type the dashboard serves");
  return File{real, type};
}

}  // namespace serve
}  // namespace annals
