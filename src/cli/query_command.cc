// `annals query` and `annals export`: deduplicated events out of the store.
//
// query: the events matching the filters (store_flags.h), newest first by default; a
// table on a terminal (the first --limit rows, 50 by default), JSON Lines otherwise,
// or --format table|jsonl|csv|geojson; --count prints only the number, --explain
// SQLite's plan.
// export: the whole store or the events matching the filters, oldest first, as
// --format csv|jsonl|geojson (store/export.h), to stdout or -o FILE.
//
// The table has one row per event:
//   EVENT 20 | DATE 10 | TYPE/MODE 16 | ACLED SUB-TYPE 22 | PLACE 18 | SOURCE → TARGET 24 |
//   KILL 4 | INJ 4 | ARR 4 | MENT 4 | SRCS 4 | EVIDENCE 40
// built with the cells of cli/table_formatter.h (cut at code points, "…", "-" unknown).
#include <unistd.h>

#include <cstdio>
#include <string>

#include "annals/annals.h"
#include "cli/commands.h"
#include "cli/store_flags.h"
#include "cli/table_formatter.h"
#include "store/export.h"
#include "store/query.h"
#include "store/store.h"

namespace annals::cli {
namespace {

constexpr std::string_view kGap = "  ";
constexpr std::string_view kUnknown = "-";

struct TableColumn {
  std::string_view title;
  size_t width;
  bool right_align;
};
constexpr TableColumn kTable[] = {
    {"EVENT", 20, false},    {"DATE", 10, false}, {"TYPE/MODE", 16, false},  {"ACLED SUB-TYPE", 22, false},
    {"PLACE", 18, false},    {"SOURCE \xE2\x86\x92 TARGET", 24, false}, {"KILL", 4, true}, {"INJ", 4, true},
    {"ARR", 4, true},        {"MENT", 4, true},   {"SRCS", 4, true},        {"EVIDENCE", 40, false}};
constexpr size_t kTableColumns = sizeof kTable / sizeof kTable[0];

void AppendTableRow(const std::string_view (&cells)[kTableColumns], std::string* out) {
  for (size_t i = 0; i < kTableColumns; ++i) {
    if (i > 0) out->append(kGap);
    const size_t before = out->size();
    AppendCell(cells[i], kTable[i].width, kTable[i].right_align, out);
    if (i + 1 == kTableColumns)
      while (out->size() > before && out->back() == ' ') out->pop_back();
  }
  out->push_back('\n');
}

std::string TableHeader() {
  std::string out;
  std::string_view titles[kTableColumns];
  size_t rule = 0;
  for (size_t i = 0; i < kTableColumns; ++i) {
    titles[i] = kTable[i].title;
    rule += kTable[i].width + (i > 0 ? kGap.size() : 0);
  }
  AppendTableRow(titles, &out);
  for (size_t i = 0; i < rule; ++i) out.append("\xE2\x94\x80");
  out.push_back('\n');
  return out;
}

std::string Count(const std::optional<int64_t>& n) { return n ? std::to_string(*n) : std::string(kUnknown); }

void AppendTableEvent(const store::StoredEvent& e, std::string* out) {
  std::string type = e.type;
  if (!e.mode.empty()) type += "/" + e.mode;
  std::string place = e.loc_name.value_or(std::string(kUnknown));
  if (e.country) place += ", " + *e.country;
  auto codes = [](const std::string& c) { return c.empty() ? std::string(kUnknown) : c; };
  const std::string actors = codes(e.source_codes) + " \xE2\x86\x92 " + codes(e.target_codes);
  const std::string killed = Count(e.killed), injured = Count(e.injured), arrested = Count(e.arrested),
                    mentions = std::to_string(e.mentions), sources = std::to_string(e.sources);
  std::string evidence;
  for (const store::StoredMention& m : e.reports)
    if (m.event_id == e.key) evidence = m.evidence;
  const std::string_view cells[kTableColumns] = {
      e.key, e.date ? std::string_view(*e.date) : kUnknown, type,
      e.acled_sub_event_type ? std::string_view(*e.acled_sub_event_type) : kUnknown,
      place, actors, killed, injured, arrested, mentions, sources, evidence};
  AppendTableRow(cells, out);
}

struct QueryOptions {
  FilterFlags filters;
  std::string format;  // "" : table on a terminal, else jsonl
  std::string sort = "newest";
  std::optional<int64_t> limit;
  bool count = false;
  bool explain = false;
  std::string output;  // export: -o FILE
};

store::EventQuery::Order OrderOf(const std::string& sort) {
  if (sort == "oldest") return store::EventQuery::Order::kOldest;
  if (sort == "mentions") return store::EventQuery::Order::kMentions;
  return store::EventQuery::Order::kNewest;
}

// Runs the query and writes it as `format` to `out`. Returns the exit code.
int Run(const QueryOptions& options, bool is_export) {
  Result<store::EventQuery> query = options.filters.ToQuery();
  if (!query.ok()) {
    std::fprintf(stderr, "annals: %s\n", query.status().message().c_str());
    return 2;
  }
  auto opened = store::Store::Open(options.filters.db, true);
  if (!opened.ok()) {
    std::fprintf(stderr, "annals: %s\n", opened.status().message().c_str());
    return 2;
  }
  store::Store* db = opened.value().get();
  if (Result<int64_t> pending = db->PendingDedup(); pending.ok() && pending.value() > 0)
    std::fprintf(stderr, "annals: warning: deduplication is unfinished (run `annals ingest --db %s`)\n",
                 options.filters.db.c_str());
  store::EventQuery q = std::move(query).value();
  if (options.count) {
    Result<int64_t> n = store::CountQuery(db, q);
    if (!n.ok()) {
      std::fprintf(stderr, "annals: %s\n", n.status().message().c_str());
      return 2;
    }
    std::printf("%lld\n", static_cast<long long>(n.value()));
    return 0;
  }
  const std::string format = !options.format.empty() ? options.format : ::isatty(STDOUT_FILENO) ? "table" : "jsonl";
  const bool table = format == "table";
  q.order = OrderOf(options.sort);
  q.limit = options.limit.value_or(table ? 50 : 0);
  if (options.explain) {
    Result<std::string> plan = store::ExplainQuery(db, q);
    if (!plan.ok()) {
      std::fprintf(stderr, "annals: %s\n", plan.status().message().c_str());
      return 2;
    }
    std::fputs(plan.value().c_str(), stdout);
    return 0;
  }

  std::FILE* out = stdout;
  if (!options.output.empty() && options.output != "-") {
    out = std::fopen(options.output.c_str(), "wb");
    if (!out) {
      std::fprintf(stderr, "annals: cannot write '%s'\n", options.output.c_str());
      return 2;
    }
  }
  store::EventExporter exporter(table ? store::ExportFormat::kCsv : *store::ExportFormatFromName(format));
  store::ReadOptions read = exporter.read_options();
  std::string buffer = table ? TableHeader() : exporter.Begin();
  int64_t rows = 0;
  Status s = store::RunQuery(db, q, read, [&](const store::StoredEvent& e) {
    if (table) AppendTableEvent(e, &buffer);
    else exporter.Append(e, &buffer);
    ++rows;
    if (buffer.size() >= (1u << 16)) {
      std::fwrite(buffer.data(), 1, buffer.size(), out);
      buffer.clear();
    }
    return true;
  });
  if (!table) buffer.append(exporter.End());
  std::fwrite(buffer.data(), 1, buffer.size(), out);
  const bool write_failed = std::fflush(out) != 0 || std::ferror(out);
  if (out != stdout) std::fclose(out);
  if (!s.ok()) {
    std::fprintf(stderr, "annals: %s\n", s.message().c_str());
    return 2;
  }
  if (write_failed) {
    std::fprintf(stderr, "annals: writing the output failed\n");
    return 2;
  }
  if (table && rows == q.limit)
    std::fprintf(stderr, "annals: the first %lld events (--limit N for more, --count for the number)\n",
                 static_cast<long long>(rows));
  (void)is_export;
  return 0;
}

}  // namespace

void RegisterQuery(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<QueryOptions>();
  CLI::App* cmd = app.add_subcommand("query", "Find deduplicated events in a store");
  options->filters.Register(cmd);
  cmd->add_option("--format", options->format, "table, jsonl, csv or geojson (default: table on a terminal, else jsonl)")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "geojson"}));
  cmd->add_option("--sort", options->sort, "newest, oldest or mentions (most reported first)")
      ->check(CLI::IsMember({"newest", "oldest", "mentions"}))
      ->capture_default_str();
  cmd->add_option("--limit", options->limit, "At most this many events (0: all; default 50 for a table, else all)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--count", options->count, "Print only the number of matching events");
  cmd->add_flag("--explain", options->explain, "Print SQLite's plan for the query (the indexes it uses)");
  cmd->callback([options, exit_code] { *exit_code = Run(*options, false); });
}

void RegisterExport(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<QueryOptions>();
  options->sort = "oldest";
  options->limit = 0;
  CLI::App* cmd = app.add_subcommand("export", "Write the store's deduplicated events (all, or those matching filters)");
  options->filters.Register(cmd);
  cmd->add_option("--format", options->format, "csv, jsonl or geojson")
      ->check(CLI::IsMember({"csv", "jsonl", "geojson"}))
      ->required();
  cmd->add_option("--sort", options->sort, "oldest, newest or mentions")
      ->check(CLI::IsMember({"newest", "oldest", "mentions"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", options->output, "Write to this file instead of stdout");
  cmd->callback([options, exit_code] { *exit_code = Run(*options, true); });
}

}  // namespace annals::cli
