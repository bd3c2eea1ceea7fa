// The filter flags that `annals query` and `annals export` share, and the --db flag.
#ifndef ANNALS_CLI_STORE_FLAGS_H_
#define ANNALS_CLI_STORE_FLAGS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "annals/annals.h"
#include "store/query.h"

namespace annals::cli {

// The flags as typed; ToQuery turns them into a store::EventQuery.
struct FilterFlags {
  std::string db = "annals.db";
  std::vector<std::string> types, modes, cameo, acled_types, acled_sub_types, countries, admin1s, actor_kinds;
  std::optional<std::string> near, bbox, since, until, text, evidence;
  int64_t min_mentions = 0;
  double min_confidence = 0;

  // Adds --db and the filters to `cmd`.
  void Register(CLI::App* cmd);
  // The query; an error names the flag and its bad value ("--near '1,2': ...").
  Result<store::EventQuery> ToQuery() const;
};

}  // namespace annals::cli

#endif  // ANNALS_CLI_STORE_FLAGS_H_
