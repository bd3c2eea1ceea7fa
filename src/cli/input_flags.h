// The flags that `annals code` and `annals ingest` share: --input-format, and the
// Pipeline's --data and --min-confidence.
#ifndef ANNALS_CLI_INPUT_FLAGS_H_
#define ANNALS_CLI_INPUT_FLAGS_H_

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "annals/annals.h"

namespace annals::cli {

// Adds --input-format to `cmd`, writing the name typed into `*name` (default "auto":
// the reader decides by the file's name and first bytes). CLI11 refuses any name
// InputFormatNamed does not know.
void AddInputFormatOption(CLI::App* cmd, std::string* name);

// The format of a name accepted by the option: auto, jsonl, txt, html or warc.
InputFormat InputFormatNamed(const std::string& name);

// Adds --data (the compiled resources) and --min-confidence (events less likely than
// this to be real are left out; "model": the event model's threshold) to `cmd`.
void AddPipelineOptions(CLI::App* cmd, PipelineOptions* options);

}  // namespace annals::cli

#endif  // ANNALS_CLI_INPUT_FLAGS_H_
