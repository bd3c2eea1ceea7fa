#include "cli/input_flags.h"

#include <map>

namespace annals::cli {
namespace {

const std::map<std::string, InputFormat>& Formats() {
  static const std::map<std::string, InputFormat> kFormats = {{"auto", InputFormat::kAuto},
                                                              {"jsonl", InputFormat::kJsonl},
                                                              {"txt", InputFormat::kText},
                                                              {"html", InputFormat::kHtml},
                                                              {"warc", InputFormat::kWarc}};
  return kFormats;
}

}  // namespace

void AddInputFormatOption(CLI::App* cmd, std::string* name) {
  std::vector<std::string> names;
  for (const auto& [key, format] : Formats()) names.push_back(key);
  cmd->add_option("--input-format", *name,
                  "Input format: auto (by file name and first bytes), jsonl, txt, html or warc (.warc or .warc.gz)")
      ->check(CLI::IsMember(names))
      ->capture_default_str();
}

InputFormat InputFormatNamed(const std::string& name) { return Formats().at(name); }

void AddPipelineOptions(CLI::App* cmd, PipelineOptions* options) {
  cmd->add_option("--data", options->data_dir, "Folder of compiled resources (default: the build's data/)");
  cmd->add_option_function<std::string>(
         "--min-confidence",
         [options](const std::string& value) {
           if (value == "model") {
             options->min_confidence.reset();
             return;
           }
           size_t used = 0;
           double x = -1;
           try {
             x = std::stod(value, &used);
           } catch (const std::exception&) {
           }
           if (used != value.size() || !(x >= 0 && x <= 1))
             throw CLI::ValidationError("--min-confidence", "'" + value + "' is neither a number from 0 to 1 nor 'model'");
           options->min_confidence = x;
         },
         "Leave out events less likely than this to be real: a number from 0 to 1, or 'model' for the "
         "event model's threshold (the one that maximised F1 over its training folds); default 0, every event")
      ->type_name("X|model");
}

}  // namespace annals::cli
