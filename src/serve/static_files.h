// The dashboard's files: a URL path mapped to a file inside one folder, never outside.
//
// A path is served only when every segment is a plain name (no "..", ".", empty
// segment, backslash or NUL), the file exists as a regular file whose real path (all
// symbolic links resolved) lies inside the folder's real path, and its extension has
// a content type in data/serve/content_types.tsv. "/" and paths ending in "/" mean
// their index.html.
#ifndef ANNALS_SERVE_STATIC_FILES_H_
#define ANNALS_SERVE_STATIC_FILES_H_

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "annals/annals.h"

namespace annals::serve {

class StaticFiles {
 public:
  // The folder must exist. Errors: no such folder (kIo), a broken content type table.
  static Result<StaticFiles> Open(const std::filesystem::path& root);

  struct File {
    std::filesystem::path path;
    std::string_view content_type;
  };
  // The file for the decoded URL path `url_path` ("/app.js"); kInvalidArgument for a
  // path that tries to leave the folder or names no servable file, kIo when absent.
  Result<File> Resolve(std::string_view url_path) const;

  // The content type for a file name's extension; "" when it is not served.
  std::string_view ContentType(std::string_view file_name) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;  // canonical
  std::map<std::string, std::string, std::less<>> types_;
};

}  // namespace annals::serve

#endif  // ANNALS_SERVE_STATIC_FILES_H_
