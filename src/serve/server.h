// `annals serve`: the JSON API (api.h) and the dashboard's files (static_files.h) over
// HTTP/1.1, with cpp-httplib (Debian's libcpp-httplib-dev).
//
// Security: binds 127.0.0.1 unless told otherwise; GET and HEAD everywhere, POST on
// /api/code only, every other method 405; a body larger than max_body_bytes is
// refused with 413 before it is read (Content-Length) or as soon as it grows past the
// limit (chunked); a client that sends nothing for read_timeout, or takes longer than
// body_time_limit over its body, is disconnected; each request's SQL stops at the
// query time limit (504). Responses carry nosniff and, for the dashboard, a Content
// Security Policy that runs only the folder's own scripts.
//
// Connections: httplib serves a connection on one worker thread from start to end.
// The workers grow on demand up to max_threads, so clients that stall hold a thread
// each but do not keep others waiting; the SQL runs on a few pooled connections
// (store_pool.h).
#ifndef ANNALS_SERVE_SERVER_H_
#define ANNALS_SERVE_SERVER_H_

#include <chrono>
#include <memory>
#include <string>

#include "annals/annals.h"
#include "serve/api.h"

namespace annals::serve {

struct ServeOptions {
  std::string db = "annals.db";
  std::string host = "127.0.0.1";
  int port = 8080;               // 0: any free port (Port() tells which)
  std::string web_dir;           // empty: ANNALS_WEB, else the build tree's web folder
  std::string data_dir;          // the coder's resources (PipelineOptions::data_dir)
  int max_threads = 256;         // connection workers
  int connections = 4;           // read-only store connections
  std::chrono::seconds read_timeout{5};
  std::chrono::seconds write_timeout{5};
  std::chrono::seconds body_time_limit{10};
  ApiLimits limits;
};

// The web folder ServeOptions::web_dir names, or the default.
std::string WebDir(const std::string& flag);

class Server {
 public:
  // Opens the store and the web folder, loads the coder (a failure there only turns
  // /api/code off: see Warning()), and binds. Errors: the store, the folder, the port.
  static Result<std::unique_ptr<Server>> Create(const ServeOptions& options);
  ~Server();

  int Port() const;
  // Why /api/code is off ("" when it is on).
  const std::string& Warning() const;
  // The number of events in the store (for the start-up line).
  Result<int64_t> EventCount();

  // Serves until Stop() (from another thread). Returns false when listening failed.
  bool Run();
  void Stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace annals::serve

#endif  // ANNALS_SERVE_SERVER_H_
