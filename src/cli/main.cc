// annals: news reports in, structured event records out.
#include <CLI/CLI.hpp>

#include "annals/annals.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"annals: turns news reports into located, dated, coded event records"};
  app.set_version_flag("--version", std::string(annals::Version()));
  app.require_subcommand(1);
  int exit_code = 0;
  annals::cli::RegisterCode(app, &exit_code);
  annals::cli::RegisterIngest(app, &exit_code);
  annals::cli::RegisterQuery(app, &exit_code);
  annals::cli::RegisterExport(app, &exit_code);
  annals::cli::RegisterStats(app, &exit_code);
  annals::cli::RegisterServe(app, &exit_code);
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
