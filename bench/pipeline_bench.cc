// The whole-pipeline benchmark: the `annals code` program, every stage and every output
// field, over a large corpus, with 1 and 2 threads, and its memory as the input grows.
//
//   pipeline_bench [--annals PATH] [--mb 100] [--runs 5] [--threads 1,2] [--scales 1,20]
//                  [--scale-corpus FILE] [--tmp DIR] [CORPUS.jsonl ...]
//
// 1. Throughput. The corpus files (default: reuters21578.jsonl and bbc2225.jsonl of the
//    shared bench folder) are written one after the other, again and again, into one
//    temporary file until their texts add up to --mb megabytes (10^6 bytes of UTF-8, the
//    `text` fields only, as annals_eval.py counts them). The program runs `annals code
//    --quiet --threads T` on it --runs times for each thread count, in rounds that
//    alternate the counts, output to /dev/null, and prints each run and the medians:
//    seconds, processor seconds (user + system), articles/s, MB/s of text, peak RSS (of
//    the child, from wait4) and the load average when the run started.
// 2. Memory as the input grows. --scale-corpus (default bbc2225.jsonl) repeated 1 time
//    and 20 times (--scales), coded with the largest thread count: the peak RSS of each.
//    A streaming pipeline keeps it flat.
// The other engineers' builds share the machine: read the load column before trusting
// a figure.
#include <simdjson.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct Options {
  std::string annals = ANNALS_BENCH_BINARY;
  double mb = 100;
  int runs = 5;
  std::vector<int> threads = {1, 2};
  std::vector<int> scales = {1, 20};
  std::string scale_corpus = ANNALS_BENCH_SHARED "/bbc2225.jsonl";
  std::string tmp = std::filesystem::temp_directory_path().string();
  std::vector<std::string> corpus;
};

struct Lines {
  std::string bytes;       // the file's lines, each ending in '\n'
  uint64_t articles = 0;   // lines with a text
  uint64_t text_bytes = 0;
};

// Reads a JSON Lines file and counts its articles and text bytes.
bool ReadCorpus(const std::string& path, Lines* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  simdjson::dom::parser parser;
  std::string line;
  while (std::getline(in, line)) {
    simdjson::dom::element e;
    std::string_view text;
    if (!parser.parse(line).get(e) && !e["text"].get(text) && !text.empty()) {
      ++out->articles;
      out->text_bytes += text.size();
    }
    out->bytes += line;
    out->bytes += '\n';
  }
  return true;
}

struct Input {
  std::string path;
  uint64_t articles = 0, text_bytes = 0, file_bytes = 0;
  int copies = 0;
};

// Writes `lines` `copies` times into `path`.
Input WriteRepeated(const std::vector<Lines>& parts, int copies, const std::string& path) {
  Input input;
  input.path = path;
  input.copies = copies;
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < copies; ++i)
    for (const Lines& part : parts) {
      out << part.bytes;
      input.articles += part.articles;
      input.text_bytes += part.text_bytes;
      input.file_bytes += part.bytes.size();
    }
  return input;
}

struct Run {
  double seconds = 0;
  double peak_rss_mb = 0;
  double cpu_seconds = 0;  // user + system time of the process
  double load = 0;
  int status = 0;
};

// Runs annals on the input; stdout to /dev/null, stderr to `log`.
Run RunAnnals(const Options& options, const Input& input, int threads, const std::string& log) {
  Run run;
  double loads[1] = {0};
  if (getloadavg(loads, 1) == 1) run.load = loads[0];
  const std::string threads_arg = std::to_string(threads);
  std::vector<std::string> args = {options.annals, "code", "--quiet", "--threads", threads_arg, input.path};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, options.annals.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
    posix_spawn_file_actions_destroy(&actions);
    run.status = -1;
    return run;
  }
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  run.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

// The "read N, coded M" counts of annals' summary line in `log`, or -1.
long CodedCount(const std::string& log) {
  std::ifstream in(log);
  std::string line;
  long coded = -1;
  while (std::getline(in, line)) {
    unsigned long long r = 0, c = 0;
    if (std::sscanf(line.c_str(), "annals: read %llu, coded %llu", &r, &c) == 2) coded = static_cast<long>(c);
  }
  return coded;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::vector<int> ParseList(const std::string& s) {
  std::vector<int> out;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t comma = std::min(s.find(',', start), s.size());
    if (comma > start) out.push_back(std::atoi(s.substr(start, comma - start).c_str()));
    start = comma + 1;
  }
  return out;
}

int Usage() {
  std::fprintf(stderr,
               "usage: pipeline_bench [--annals PATH] [--mb 100] [--runs 5] [--threads 1,2] [--scales 1,20]\n"
               "                      [--scale-corpus FILE] [--tmp DIR] [CORPUS.jsonl ...]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--annals") options.annals = value();
    else if (a == "--mb") options.mb = std::atof(value().c_str());
    else if (a == "--runs") options.runs = std::max(1, std::atoi(value().c_str()));
    else if (a == "--threads") options.threads = ParseList(value());
    else if (a == "--scales") options.scales = ParseList(value());
    else if (a == "--scale-corpus") options.scale_corpus = value();
    else if (a == "--tmp") options.tmp = value();
    else if (a == "-h" || a == "--help") return Usage();
    else if (!a.empty() && a[0] == '-') return Usage();
    else options.corpus.push_back(a);
  }
  if (options.corpus.empty())
    options.corpus = {ANNALS_BENCH_SHARED "/reuters21578.jsonl", ANNALS_BENCH_SHARED "/bbc2225.jsonl"};
  if (options.threads.empty()) return Usage();
  if (::access(options.annals.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "pipeline_bench: no annals program at %s (--annals)\n", options.annals.c_str());
    return 2;
  }

  // Step 1: the large input.
  std::vector<Lines> parts;
  uint64_t pass_text = 0;
  std::string names;
  for (const std::string& path : options.corpus) {
    Lines lines;
    if (!ReadCorpus(path, &lines)) {
      std::fprintf(stderr, "pipeline_bench: cannot read %s\n", path.c_str());
      return 2;
    }
    pass_text += lines.text_bytes;
    names += (names.empty() ? "" : " + ") + std::filesystem::path(path).filename().string();
    parts.push_back(std::move(lines));
  }
  if (pass_text == 0) {
    std::fprintf(stderr, "pipeline_bench: the corpus has no text\n");
    return 2;
  }
  const int copies = static_cast<int>((options.mb * 1e6 + pass_text - 1) / pass_text);
  const std::string stem = options.tmp + "/annals_pipeline_bench_" + std::to_string(::getpid());
  const std::string log = stem + ".log";
  const Input input = WriteRepeated(parts, std::max(1, copies), stem + ".jsonl");
  parts.clear();
  std::printf("annals: %s\n", options.annals.c_str());
  std::printf("input: %d x (%s) = %llu articles, %.1f MB of text (%.1f MB file)\n", input.copies, names.c_str(),
              static_cast<unsigned long long>(input.articles), input.text_bytes / 1e6, input.file_bytes / 1e6);
  std::printf("cores: %ld online\n\n", sysconf(_SC_NPROCESSORS_ONLN));

  // Step 2: the runs. Rounds alternate the thread counts (1, 2, 1, 2, ...) so that a
  // change of load on a shared machine during the benchmark falls on every count alike.
  int failures = 0;
  std::printf("%-8s %-6s %9s %9s %12s %8s %12s %6s\n", "threads", "run", "seconds", "cpu s", "articles/s", "MB/s",
              "peak RSS MB", "load");
  const size_t counts = options.threads.size();
  std::vector<std::vector<double>> seconds(counts), cpu(counts), rss(counts), loads(counts);
  for (int r = 1; r <= options.runs; ++r)
    for (size_t t = 0; t < counts; ++t) {
      const int threads = options.threads[t];
      const Run run = RunAnnals(options, input, threads, log);
      const long coded = CodedCount(log);
      if (run.status != 0 || coded != static_cast<long>(input.articles)) {
        std::printf("%-8d %-6d failed: exit status %d, coded %ld of %llu (see %s)\n", threads, r, run.status, coded,
                    static_cast<unsigned long long>(input.articles), log.c_str());
        ++failures;
        continue;
      }
      seconds[t].push_back(run.seconds);
      cpu[t].push_back(run.cpu_seconds);
      rss[t].push_back(run.peak_rss_mb);
      loads[t].push_back(run.load);
      std::printf("%-8d %-6d %9.2f %9.2f %12.0f %8.2f %12.1f %6.2f\n", threads, r, run.seconds, run.cpu_seconds,
                  input.articles / run.seconds, input.text_bytes / 1e6 / run.seconds, run.peak_rss_mb, run.load);
      std::fflush(stdout);
    }
  std::printf("\n");
  std::vector<double> median_rate;
  for (size_t t = 0; t < counts; ++t) {
    const double s = Median(seconds[t]);
    median_rate.push_back(s > 0 ? input.text_bytes / 1e6 / s : 0);
    std::printf("%-8d %-6s %9.2f %9.2f %12.0f %8.2f %12.1f %6.2f\n", options.threads[t], "median", s, Median(cpu[t]),
                s > 0 ? input.articles / s : 0, median_rate.back(), Median(rss[t]), Median(loads[t]));
  }
  std::printf("\n");
  if (median_rate.size() > 1 && median_rate.front() > 0)
    for (size_t i = 1; i < median_rate.size(); ++i)
      std::printf("speed-up of %d threads over %d: %.2fx\n", options.threads[i], options.threads[0],
                  median_rate[i] / median_rate.front());
  std::filesystem::remove(input.path);

  // Step 3: memory as the input grows.
  if (!options.scales.empty() && !options.scale_corpus.empty()) {
    Lines lines;
    if (!ReadCorpus(options.scale_corpus, &lines)) {
      std::fprintf(stderr, "pipeline_bench: cannot read %s\n", options.scale_corpus.c_str());
      return 2;
    }
    const int threads = *std::max_element(options.threads.begin(), options.threads.end());
    std::printf("\npeak RSS as the input grows (%s, --threads %d):\n", options.scale_corpus.c_str(), threads);
    std::printf("%-6s %10s %10s %9s %12s %6s\n", "scale", "articles", "text MB", "seconds", "peak RSS MB", "load");
    for (int scale : options.scales) {
      const Input grown = WriteRepeated({lines}, scale, stem + ".scale.jsonl");
      const Run run = RunAnnals(options, grown, threads, log);
      const long coded = CodedCount(log);
      if (run.status != 0 || coded != static_cast<long>(grown.articles)) ++failures;
      std::printf("%-6d %10llu %10.1f %9.2f %12.1f %6.2f%s\n", scale, static_cast<unsigned long long>(grown.articles),
                  grown.text_bytes / 1e6, run.seconds, run.peak_rss_mb, run.load,
                  run.status != 0 || coded != static_cast<long>(grown.articles) ? "  failed" : "");
      std::filesystem::remove(grown.path);
    }
  }
  std::filesystem::remove(log);
  return failures == 0 ? 0 : 1;
}
