// `annals serve`: the JSON API and the dashboard over a store (src/serve/server.h).
//
//   annals serve [--db annals.db] [--host 127.0.0.1] [--port 8080]
//
// Prints one line when it listens ("annals serve: http://HOST:PORT/ ...", the port
// chosen when --port 0) and serves until SIGINT or SIGTERM.
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "cli/commands.h"
#include "serve/server.h"

namespace annals::cli {
namespace {

struct ServeFlags {
  serve::ServeOptions options;
  int64_t query_ms = 5000;
  int64_t read_timeout_s = 5;
};

int Run(ServeFlags flags) {
  serve::ServeOptions& o = flags.options;
  o.limits.query_time = std::chrono::milliseconds(flags.query_ms);
  o.read_timeout = std::chrono::seconds(flags.read_timeout_s);
  o.body_time_limit = std::chrono::seconds(2 * flags.read_timeout_s);
  o.limits.max_coders = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // SIGINT and SIGTERM go to a thread that stops the server (blocked before any
  // other thread starts, so every thread inherits the mask).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  Result<std::unique_ptr<serve::Server>> server = serve::Server::Create(o);
  if (!server.ok()) {
    std::fprintf(stderr, "annals: %s\n", server.status().message().c_str());
    return 2;
  }
  serve::Server* s = server.value().get();
  if (!s->Warning().empty())
    std::fprintf(stderr, "annals: warning: POST /api/code is off: %s\n", s->Warning().c_str());
  Result<int64_t> events = s->EventCount();
  std::printf("annals serve: http://%s:%d/ (store %s, %lld events)\n",
              o.host.find(':') != std::string::npos ? ("[" + o.host + "]").c_str() : o.host.c_str(), s->Port(),
              o.db.c_str(), static_cast<long long>(events.ok() ? events.value() : -1));
  std::fflush(stdout);

  // On a signal: stop listening, give open connections a second to finish (httplib
  // would wait out their keep-alive), then leave. The store is read-only: nothing to
  // flush but stdout.
  std::atomic<bool> returned{false};
  std::thread stopper([s, stop_signals, &returned] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    if (returned.load()) return;
    s->Stop();
    for (int i = 0; i < 20 && !returned.load(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!returned.load()) {
      std::fflush(stdout);
      std::_Exit(0);
    }
  });
  const bool ok = s->Run();
  returned.store(true);
  if (!ok) {
    // Listening failed: wake the stopper so that it ends.
    pthread_kill(stopper.native_handle(), SIGTERM);
  }
  stopper.join();
  if (!ok) {
    std::fprintf(stderr, "annals: the server stopped listening on %s:%d\n", o.host.c_str(), s->Port());
    return 2;
  }
  return 0;
}

}  // namespace

void RegisterServe(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ServeFlags>();
  serve::ServeOptions& o = flags->options;
  CLI::App* cmd = app.add_subcommand("serve", "Serve a store's events: a JSON API and a dashboard (map, timeline)");
  cmd->add_option("--db", o.db, "The database file (annals ingest makes it)")->capture_default_str();
  cmd->add_option("--host", o.host, "The address to listen on (another than 127.0.0.1 opens it to the network)")
      ->capture_default_str();
  cmd->add_option("--port", o.port, "The port (0: any free port, printed at start)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--web", o.web_dir, "The dashboard folder (default: ANNALS_WEB, else the build's web folder)");
  cmd->add_option("--data", o.data_dir, "The coder's compiled resources, for POST /api/code (default: ANNALS_DATA)");
  cmd->add_option("--threads", o.max_threads, "At most this many connections served at once")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  cmd->add_option("--connections", o.connections, "Read-only store connections (queries at once)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_option("--max-body", o.limits.max_body_bytes, "The largest POST /api/code body, in bytes")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30))
      ->capture_default_str();
  cmd->add_option("--max-page", o.limits.pages.max_limit, "The most events one /api/events page may hold")
      ->check(CLI::Range(int64_t{1}, int64_t{100000}))
      ->capture_default_str();
  cmd->add_option("--query-timeout", flags->query_ms, "Milliseconds one request's queries may take")
      ->check(CLI::Range(int64_t{10}, int64_t{600000}))
      ->capture_default_str();
  cmd->add_option("--read-timeout", flags->read_timeout_s, "Seconds a client may stay silent mid-request")
      ->check(CLI::Range(int64_t{1}, int64_t{600}))
      ->capture_default_str();
  cmd->callback([flags, exit_code] { *exit_code = Run(*flags); });
}

}  // namespace annals::cli
