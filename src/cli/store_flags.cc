#include "cli/store_flags.h"

namespace annals::cli {

void FilterFlags::Register(CLI::App* cmd) {
  cmd->add_option("--db", db, "The database file")->capture_default_str();
  cmd->add_option("--type", types, "PLOVER event types, e.g. PROTEST,ASSAULT")->delimiter(',');
  cmd->add_option("--mode", modes, "PLOVER modes, e.g. riot,demo")->delimiter(',');
  cmd->add_option("--cameo", cameo, "CAMEO code prefixes, e.g. 14 or 145")->delimiter(',');
  cmd->add_option("--acled-type", acled_types, "ACLED event type, e.g. 'Riots' (repeat for several)");
  cmd->add_option("--acled-sub-type", acled_sub_types, "ACLED sub-event type, e.g. 'Peaceful protest' (repeatable)");
  cmd->add_option("--country", countries, "ISO 3166-1 alpha-2 codes of the place, e.g. FR,BE")->delimiter(',');
  cmd->add_option("--admin1", admin1s, "First-level division names (repeatable)");
  cmd->add_option("--near", near, "Within a radius: LAT,LON,KM");
  cmd->add_option("--bbox", bbox, "Inside a box: MIN_LAT,MIN_LON,MAX_LAT,MAX_LON (MIN_LON > MAX_LON crosses 180)");
  cmd->add_option("--since", since, "Events on or after this date (YYYY-MM-DD)");
  cmd->add_option("--until", until, "Events on or before this date (YYYY-MM-DD)");
  cmd->add_option("--actor-kind", actor_kinds, "Actor kinds of any report, e.g. police,students")->delimiter(',');
  cmd->add_option("--text", text, "Full-text query (SQLite FTS5 syntax) over the articles' titles and text");
  cmd->add_option("--evidence", evidence, "Full-text query (FTS5) over the sentences the events were read from");
  cmd->add_option("--min-mentions", min_mentions, "Events told by at least this many reports")->capture_default_str();
  cmd->add_option("--min-confidence", min_confidence,
                  "Events the event model judged at least this likely to be real (0 to 1; the store holds what "
                  "ingest kept, by default above the model's threshold)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
}

Result<store::EventQuery> FilterFlags::ToQuery() const {
  store::EventQuery q;
  q.types = types;
  for (std::string& t : q.types)
    for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  q.modes = modes;
  q.cameo_prefixes = cameo;
  q.acled_types = acled_types;
  q.acled_sub_types = acled_sub_types;
  q.countries = countries;
  for (std::string& c : q.countries)
    for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  q.admin1s = admin1s;
  q.actor_kinds = actor_kinds;
  q.since = since;
  q.until = until;
  q.text = text;
  q.evidence = evidence;
  q.min_mentions = min_mentions;
  q.min_confidence = min_confidence;
  if (near) {
    q.near = store::EventQuery::Circle::Parse(*near);
    if (!q.near) return Status(ErrorCode::kInvalidArgument, "--near '" + *near + "': expected LAT,LON,KM");
  }
  if (bbox) {
    q.bbox = store::EventQuery::Box::Parse(*bbox);
    if (!q.bbox)
      return Status(ErrorCode::kInvalidArgument, "--bbox '" + *bbox + "': expected MIN_LAT,MIN_LON,MAX_LAT,MAX_LON");
  }
  Status s = q.Validate();
  if (!s.ok()) return s;
  return q;
}

}  // namespace annals::cli
