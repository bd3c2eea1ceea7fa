#include "serve/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <cstdlib>
#include <fstream>
#include <list>
#include <sstream>
#include <thread>

#include "serve/static_files.h"

namespace annals::serve {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kJsonType = "application/json; charset=utf-8";
// The dashboard runs its own scripts and styles only; data comes from this origin.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Connection workers: a thread per connection being served, started on demand up to
// a maximum; idle threads wait for the next connection. (httplib's own pool has a
// fixed size, so a few stalled clients could keep everyone else waiting.)
class WorkerPool final : public httplib::TaskQueue {
 public:
  explicit WorkerPool(size_t max_threads) : max_threads_(max_threads) {}
  ~WorkerPool() override = default;

  void enqueue(std::function<void()> fn) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(fn));
      if (jobs_.size() > idle_ && threads_.size() < max_threads_) threads_.emplace_back([this] { Work(); });
    }
    cond_.notify_one();
  }

  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      shutdown_ = true;
    }
    cond_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

 private:
  void Work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ++idle_;
        cond_.wait(lock, [&] { return !jobs_.empty() || shutdown_; });
        --idle_;
        if (jobs_.empty()) return;  // shutting down
        fn = std::move(jobs_.front());
        jobs_.pop_front();
      }
      fn();
    }
  }

  const size_t max_threads_;
  std::list<std::thread> threads_;  // std::list: pushing never moves a running thread
  std::list<std::function<void()>> jobs_;
  size_t idle_ = 0;
  bool shutdown_ = false;
  std::mutex mutex_;
  std::condition_variable cond_;
};

void Send(const ApiResponse& r, httplib::Response& res) {
  res.status = r.status;
  res.set_content(r.body, r.content_type.c_str());
  res.set_header("Cache-Control", "no-store");
}

// Sends `r` and closes the connection, for refusals that leave a body unread: httplib
// keeps a connection open whatever the response says, and would read the rest of the
// body as further requests. A content provider that fails after writing the whole
// answer is the one way it offers to end a connection.
void SendAndClose(const ApiResponse& r, httplib::Response& res) {
  res.status = r.status;
  auto body = std::make_shared<std::string>(r.body);
  res.set_content_provider(body->size(), r.content_type, [body](size_t offset, size_t length, httplib::DataSink& sink) {
    sink.write(body->data() + offset, length);
    return false;
  });
  res.set_header("Connection", "close");
  res.set_header("Cache-Control", "no-store");
}

}  // namespace

std::string WebDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("ANNALS_WEB"); env && *env) return env;
  return ANNALS_DEFAULT_WEB_DIR;
}

struct Server::Impl {
  ServeOptions options;
  std::unique_ptr<StorePool> pool;
  std::unique_ptr<Api> api;
  std::optional<StaticFiles> files;
  std::string warning;
  httplib::Server http;
  int port = 0;

  void Routes();
  void ServeFile(const httplib::Request& req, httplib::Response& res);
};

void Server::Impl::ServeFile(const httplib::Request& req, httplib::Response& res) {
  Result<StaticFiles::File> file = files->Resolve(req.path);
  if (!file.ok()) {
    res.status = file.status().code() == ErrorCode::kIo ? 404 : 400;
    res.set_content(res.status == 404 ? "not found\n" : "bad path\n", "text/plain; charset=utf-8");
    return;
  }
  std::ifstream in(file.value().path, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  if (!in) {
    res.status = 404;
    res.set_content("not found\n", "text/plain; charset=utf-8");
    return;
  }
  res.set_content(body.str(), std::string(file.value().content_type).c_str());
  res.set_header("Cache-Control", "no-cache");
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
}

void Server::Impl::Routes() {
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
  // Before anything is read of a body: methods, and the size the client announces.
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    const bool code = req.path == "/api/code";
    if (req.method == "POST" && code) {
      if (req.has_header("Content-Length") &&
          req.get_header_value<uint64_t>("Content-Length") > api->limits().max_body_bytes) {
        SendAndClose(Api::Error(413, "the body is larger than the limit of " +
                                         std::to_string(api->limits().max_body_bytes) + " bytes"),
                     res);
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      Send(Api::Error(405, code ? "POST only" : "this server is read-only: GET and HEAD only"), res);
      res.set_header("Allow", code ? "POST" : "GET, HEAD");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // A client that asks before sending its body (Expect: 100-continue) is told 413 at
  // once when the body would be too large, and sends nothing.
  http.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "POST" && req.path == "/api/code" && req.has_header("Content-Length") &&
        req.get_header_value<uint64_t>("Content-Length") > api->limits().max_body_bytes) {
      Send(Api::Error(413, "the body is larger than the limit of " + std::to_string(api->limits().max_body_bytes) +
                               " bytes"),
           res);
      return 413;
    }
    return 100;
  });
  http.Get("/api/health", [this](const httplib::Request&, httplib::Response& res) { Send(api->Health(), res); });
  http.Get("/api/vocabulary", [this](const httplib::Request&, httplib::Response& res) { Send(api->Vocabulary(), res); });
  http.Get("/api/events", [this](const httplib::Request& req, httplib::Response& res) {
    Send(api->Events(req.params), res);
  });
  http.Get("/api/events/(.+)", [this](const httplib::Request& req, httplib::Response& res) {
    if (!req.params.empty()) return Send(Api::Error(400, "/api/events/{id} takes no parameters"), res);
    Send(api->Event(req.matches[1].str()), res);
  });
  http.Get("/api/stats", [this](const httplib::Request& req, httplib::Response& res) {
    Send(api->Stats(req.params), res);
  });
  http.Get("/api/places", [this](const httplib::Request& req, httplib::Response& res) {
    Send(api->Places(req.params), res);
  });
  http.Get("/api/.*", [](const httplib::Request&, httplib::Response& res) {
    Send(Api::Error(404, "no such API endpoint"), res);
  });
  // The body through a reader: stopped as soon as it passes the size or time limit.
  http.Post("/api/code", [this](const httplib::Request&, httplib::Response& res,
                                const httplib::ContentReader& reader) {
    const size_t limit = api->limits().max_body_bytes;
    const Clock::time_point deadline = Clock::now() + options.body_time_limit;
    std::string body;
    int refused = 0;
    const bool read = reader([&](const char* data, size_t size) {
      if (body.size() + size > limit) refused = 413;
      else if (Clock::now() > deadline) refused = 408;
      if (refused) return false;
      body.append(data, size);
      return true;
    });
    if (refused == 413) {
      SendAndClose(Api::Error(413, "the body is larger than the limit of " + std::to_string(limit) + " bytes"), res);
    } else if (refused == 408 || !read) {
      SendAndClose(Api::Error(408, "the body did not arrive in time"), res);
    } else {
      Send(api->Code(body), res);
    }
  });
  http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { ServeFile(req, res); });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty() || res.has_header("Content-Type")) return;  // a handler's own answer
    if (req.path.rfind("/api/", 0) == 0) {
      Send(Api::Error(res.status, res.status == 413 ? "the body is too large" : "bad request"), res);
    } else {
      res.set_content(std::to_string(res.status) + "\n", "text/plain; charset=utf-8");
    }
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Send(Api::Error(500, "internal error"), res);
  });
}

Result<std::unique_ptr<Server>> Server::Create(const ServeOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  Result<std::unique_ptr<StorePool>> pool = StorePool::Open(options.db, options.connections);
  if (!pool.ok()) return pool.status();
  impl->pool = std::move(pool).value();
  Result<StaticFiles> files = StaticFiles::Open(WebDir(options.web_dir));
  if (!files.ok()) return files.status();
  impl->files = std::move(files).value();
  // The one Pipeline behind every front end.
  PipelineOptions pipeline_options;
  pipeline_options.data_dir = options.data_dir;
  std::shared_ptr<const Pipeline> pipeline;
  Result<std::unique_ptr<Pipeline>> loaded = Pipeline::Load(pipeline_options);
  if (loaded.ok()) pipeline = std::move(loaded).value();
  else impl->warning = loaded.status().message();
  impl->api = std::make_unique<Api>(impl->pool.get(), pipeline, impl->warning, options.limits);

  httplib::Server& http = impl->http;
  const size_t max_threads = static_cast<size_t>(std::max(1, options.max_threads));
  http.new_task_queue = [max_threads] { return new WorkerPool(max_threads); };
  http.set_read_timeout(options.read_timeout.count(), 0);
  http.set_write_timeout(options.write_timeout.count(), 0);
  http.set_keep_alive_timeout(options.read_timeout.count());
  http.set_keep_alive_max_count(1000);
  http.set_payload_max_length(options.limits.max_body_bytes);
  http.set_tcp_nodelay(true);
  // Debian's cpp-httplib (a compiled library) listens with a backlog of 5: a burst of new
  // connections (a browser opens six at once, a load test dozens) would overflow the
  // accept queue, and the kernel would drop the extra handshakes, which clients retry
  // only after 1 s, then 3 s. The listening socket is noted here (given httplib's own
  // options) and listens again with a longer queue once bound.
  int listening_socket = -1;
  http.set_socket_options([&listening_socket](socket_t sock) {
    httplib::default_socket_options(sock);
    listening_socket = sock;
  });
  impl->Routes();
  if (options.port == 0) {
    impl->port = http.bind_to_any_port(options.host);
    if (impl->port <= 0) return Status(ErrorCode::kIo, "cannot listen on " + options.host);
  } else {
    if (!http.bind_to_port(options.host, options.port))
      return Status(ErrorCode::kIo, "cannot listen on " + options.host + ":" + std::to_string(options.port) +
                                        " (in use, or not an address of this machine)");
    impl->port = options.port;
  }
  constexpr int kListenBacklog = 1024;  // the kernel caps it at net.core.somaxconn
  if (listening_socket >= 0) ::listen(listening_socket, kListenBacklog);
  http.set_socket_options(httplib::default_socket_options);
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

int Server::Port() const { return impl_->port; }
const std::string& Server::Warning() const { return impl_->warning; }

Result<int64_t> Server::EventCount() {
  std::optional<StorePool::Lease> lease = impl_->pool->Acquire(std::chrono::seconds(30), std::chrono::seconds(30));
  if (!lease) return Status(ErrorCode::kIo, "the store is busy");
  Result<store::Statement> st = lease->store()->db()->Prepare("SELECT count(*) FROM events");
  if (!st.ok()) return st.status();
  if (!st.value().Step()) return st.value().status();
  return st.value().Int(0);
}

bool Server::Run() { return impl_->http.listen_after_bind(); }
void Server::Stop() { impl_->http.stop(); }

}  // namespace annals::serve
