// `annals code`: reads articles, codes them, writes one record per article.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "annals/annals.h"
#include "cli/commands.h"
#include "cli/table_formatter.h"

namespace annals::cli {
namespace {

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string format = "articles";
  std::string input_format = "auto";
  std::string data_dir;
  bool strict = false;
  bool quiet = false;
  uint64_t max_article_bytes = 64u << 20;
};

// Counts for the closing summary line.
struct Tally {
  uint64_t read = 0, coded = 0, events = 0;
  std::map<std::string, uint64_t> skipped;  // by reason
  uint64_t skipped_total() const {
    uint64_t n = 0;
    for (const auto& [reason, count] : skipped) n += count;
    return n;
  }
};

int RunCode(const CodeOptions& options) {
  static const std::map<std::string, OutputFormat> kFormats = {
      {"articles", OutputFormat::kArticles}, {"events", OutputFormat::kEvents},
      {"csv", OutputFormat::kCsv}, {"geojson", OutputFormat::kGeoJson}};
  static const std::map<std::string, InputFormat> kInputFormats = {
      {"auto", InputFormat::kAuto}, {"jsonl", InputFormat::kJsonl}, {"txt", InputFormat::kText}};

  auto pipeline = Pipeline::Load(PipelineOptions{options.data_dir});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "annals: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  // "table" is for people (cli/table_formatter.h); every other format is a RecordFormatter.
  const bool table = options.format == "table";
  const RecordFormatter formatter(table ? OutputFormat::kArticles : kFormats.at(options.format));
  const TableFormatter table_formatter;
  ReaderOptions reader_options;
  reader_options.format = kInputFormats.at(options.input_format);
  reader_options.max_article_bytes = options.max_article_bytes;

  Tally tally;
  std::string out = table ? table_formatter.Begin() : formatter.Begin();
  bool any_output = false;
  auto flush = [&](bool force) {
    if (out.size() >= (1u << 16) || (force && !out.empty())) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
      if (force) std::fflush(stdout);
    }
  };
  std::string chunk;
  for (const std::string& input : options.inputs) {
    auto reader = OpenArticles(input, reader_options);
    if (!reader.ok()) {
      std::fprintf(stderr, "annals: %s\n", reader.status().message().c_str());
      ++tally.skipped[std::string(ErrorCodeName(reader.status().code()))];
      continue;
    }
    const bool streaming = input == "-";
    const uint64_t read_before = tally.read;
    ReadItem item;
    while (reader.value()->Next(&item)) {
      ++tally.read;
      if (!item.article) {
        ++tally.skipped[std::string(ErrorCodeName(item.error))];
        if (!options.quiet) std::fprintf(stderr, "annals: skipped %s\n", item.message.c_str());
        continue;
      }
      const ArticleRecord record = pipeline.value()->Code(*item.article);
      ++tally.coded;
      tally.events += record.events.size();
      if (!options.quiet)
        for (const std::string& warning : record.warnings)
          std::fprintf(stderr, "annals: warning: %s: %s\n", item.article->origin.c_str(), warning.c_str());
      chunk.clear();
      if (table) table_formatter.Append(*item.article, record, &chunk);
      else formatter.Append(record, &chunk);
      if (!chunk.empty()) {
        if (any_output) out.append(formatter.Separator());
        out.append(chunk);
        any_output = true;
      }
      flush(streaming);
    }
    // An input without a single article or skip report (an empty file) is said, not silent.
    if (tally.read == read_before && !options.quiet)
      std::fprintf(stderr, "annals: warning: %s: no articles (the input is empty)\n", input.c_str());
  }
  if (!table) out.append(formatter.End());
  flush(true);

  std::string reasons;
  for (const auto& [reason, count] : tally.skipped)
    reasons += (reasons.empty() ? " (" : ", ") + reason + " " + std::to_string(count);
  if (!reasons.empty()) reasons += ")";
  std::fprintf(stderr, "annals: read %llu, coded %llu, skipped %llu%s, events %llu\n",
               static_cast<unsigned long long>(tally.read), static_cast<unsigned long long>(tally.coded),
               static_cast<unsigned long long>(tally.skipped_total()), reasons.c_str(),
               static_cast<unsigned long long>(tally.events));
  return options.strict && tally.skipped_total() > 0 ? 1 : 0;
}

}  // namespace

void RegisterCode(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<CodeOptions>();
  CLI::App* code = app.add_subcommand("code", "Code articles into event records (one record per article on stdout)");
  code->add_option("inputs", options->inputs, "Input files (.jsonl, .txt), or - for JSON Lines on stdin")
      ->required();
  code->add_option("--format", options->format, "Output: articles, events, csv, geojson or table (for reading)")
      ->check(CLI::IsMember({"articles", "events", "csv", "geojson", "table"}))
      ->capture_default_str();
  code->add_option("--input-format", options->input_format, "Input format: auto, jsonl or txt")
      ->check(CLI::IsMember({"auto", "jsonl", "txt"}))
      ->capture_default_str();
  code->add_option("--data", options->data_dir, "Folder of compiled resources (default: the build's data/)");
  code->add_option("--max-article-bytes", options->max_article_bytes, "Skip articles larger than this")
      ->capture_default_str();
  code->add_flag("--strict", options->strict, "Exit 1 if any article was skipped");
  code->add_flag("--quiet,-q", options->quiet, "No per-article warnings on stderr");
  code->callback([options, exit_code] { *exit_code = RunCode(*options); });
}

}  // namespace annals::cli
