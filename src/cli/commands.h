// The `annals` subcommands. Each Register* adds its subcommand to the CLI11 app and
// arranges for it to run; the run sets `*exit_code`.
#ifndef ANNALS_CLI_COMMANDS_H_
#define ANNALS_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace annals::cli {

void RegisterCode(CLI::App& app, int* exit_code);
// The store (src/store): ingest, query, export, stats.
void RegisterIngest(CLI::App& app, int* exit_code);
void RegisterQuery(CLI::App& app, int* exit_code);
void RegisterExport(CLI::App& app, int* exit_code);
void RegisterStats(CLI::App& app, int* exit_code);
// The HTTP API and dashboard over a store (src/serve).
void RegisterServe(CLI::App& app, int* exit_code);

}  // namespace annals::cli

#endif  // ANNALS_CLI_COMMANDS_H_
