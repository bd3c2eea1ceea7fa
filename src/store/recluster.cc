// Deduplicate: the incremental re-sweep of dedup.cc over the database.
//
// For each type key, the dirty days in increasing order: the sweep state before the
// first dirty day x is loaded from the stored assignments of days x - max_days .. x - 1
// (the clusters seeded there, with their members of those days); then days x, x + 1,
// ... are assigned and compared with what is stored, until no dirty day is pending and
// max_days consecutive days came out unchanged. Changed mentions point to their new
// event; every event that gained or lost a mention is refreshed (its fields are those
// of its seed, its counts the largest any mention gives, its numbers of mentions and
// distinct sources, its first and last report) or deleted when it has none left.
#include "store/recluster.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "core/tsv.h"

namespace annals::store {
namespace {

int LocationRank(std::string_view precision) {
  if (precision == "sublocation") return 0;
  if (precision == "city") return 1;
  if (precision == "admin2") return 2;
  if (precision == "admin1") return 3;
  if (precision == "country") return 4;
  return 5;
}

int DateRank(std::string_view precision) {
  if (precision == "day") return 0;
  if (precision == "week") return 1;
  if (precision == "month") return 2;
  if (precision == "year") return 3;
  return 4;
}

// ASCII lower case (enough to compare names as the coder wrote them).
std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A mention as loaded for the sweep, with what is stored about its event.
struct Loaded {
  MentionFeatures features;
  std::optional<int64_t> event_pk;
  std::string key;  // the stored event's key; "" when none
};

class Reclusterer {
 public:
  Reclusterer(Store* store, DedupRunStats* stats) : store_(store), db_(store->db()), stats_(stats) {}

  Status Prepare() {
    const std::pair<Statement*, std::string_view> all[] = {
        {&load_,
         "SELECT m.mention_pk, m.event_id, m.article_pk, m.day, m.lat, m.lon, m.country, m.admin1, m.admin2, "
         "m.loc_precision, m.date_precision, m.confidence, m.source_sig, m.target_sig, m.event_pk, e.key, m.loc_name "
         "FROM mentions m LEFT JOIN events e ON e.event_pk = m.event_pk "
         "WHERE m.dedup_type = ?1 AND m.day BETWEEN ?2 AND ?3"},
        {&event_for_key_,
         "INSERT INTO events(key) VALUES(?1) ON CONFLICT(key) DO UPDATE SET key = excluded.key RETURNING event_pk"},
        {&set_event_, "UPDATE mentions SET event_pk = ?2 WHERE mention_pk = ?1"},
        {&event_key_, "SELECT key FROM events WHERE event_pk = ?1"},
        {&members_,
         "SELECT m.event_id, m.type, m.mode, m.cameo, m.acled_event_type, m.acled_sub_event_type, m.date, m.day, "
         "m.date_precision, m.loc_mention, m.geonameid, m.loc_name, m.lat, m.lon, m.country, m.admin1, m.admin2, "
         "m.loc_precision, m.source_codes, m.source_texts, m.target_codes, m.target_texts, m.killed, m.injured, "
         "m.hospitalized, m.arrested, m.displaced, m.participants, m.status, m.confidence, m.source_sig, "
         "m.target_sig, a.outlet, a.date FROM mentions m JOIN articles a ON a.article_pk = m.article_pk "
         "WHERE m.event_pk = ?1"},
        {&update_event_,
         "UPDATE events SET type = ?2, mode = ?3, cameo = ?4, acled_event_type = ?5, acled_sub_event_type = ?6, "
         "date = ?7, day = ?8, date_precision = ?9, loc_mention = ?10, geonameid = ?11, loc_name = ?12, lat = ?13, "
         "lon = ?14, country = ?15, admin1 = ?16, admin2 = ?17, loc_precision = ?18, source_codes = ?19, "
         "source_texts = ?20, target_codes = ?21, target_texts = ?22, killed = ?23, injured = ?24, "
         "hospitalized = ?25, arrested = ?26, displaced = ?27, participants = ?28, status = ?29, confidence = ?30, "
         "mentions = ?31, sources = ?32, first_report = ?33, last_report = ?34 WHERE event_pk = ?1"},
        {&delete_event_, "DELETE FROM events WHERE event_pk = ?1"},
        {&delete_rtree_, "DELETE FROM events_rtree WHERE event_pk = ?1"},
        {&insert_rtree_, "INSERT INTO events_rtree(event_pk, min_lat, max_lat, min_lon, max_lon) VALUES(?1, ?2, ?2, ?3, ?3)"},
        {&delete_kinds_, "DELETE FROM event_kinds WHERE event_pk = ?1"},
        {&insert_kind_, "INSERT OR IGNORE INTO event_kinds(kind, day, event_pk) VALUES(?1, ?2, ?3)"},
        {&clear_dirty_, "DELETE FROM dirty WHERE dedup_type = ?1 AND day <= ?2"},
        {&mark_dirty_, "INSERT OR IGNORE INTO dirty(dedup_type, day) VALUES(?1, ?2)"},
        {&mark_stale_, "INSERT OR IGNORE INTO stale_events(event_pk) VALUES(?1)"},
        {&position_, "SELECT lat, lon, day FROM events WHERE event_pk = ?1"},
    };
    for (const auto& [st, sql] : all) {
      Result<Statement> r = db_->Prepare(sql);
      if (!r.ok()) return r.status();
      *st = std::move(r).value();
    }
    return Status::Ok();
  }

  // Loads the mentions of `type` on days [from, to].
  Status Load(const std::string& type, int64_t from, int64_t to, std::vector<Loaded>* out) {
    out->clear();
    load_.BindText(1, type);
    load_.BindInt(2, from);
    load_.BindInt(3, to);
    while (load_.Step()) {
      Loaded l;
      MentionFeatures& f = l.features;
      f.mention_pk = load_.Int(0);
      f.event_id = std::string(load_.Text(1));
      f.article_pk = load_.Int(2);
      f.day = load_.Int(3);
      f.lat = load_.OptionalDouble(4);
      f.lon = load_.OptionalDouble(5);
      f.country = std::string(load_.Text(6));
      f.admin1 = std::string(load_.Text(7));
      f.admin2 = std::string(load_.Text(8));
      f.location_rank = load_.IsNull(9) ? 5 : LocationRank(load_.Text(9));
      f.date_rank = DateRank(load_.Text(10));
      f.confidence = load_.Double(11);
      f.source = ParseActorSignature(load_.Text(12), store_->families());
      f.target = ParseActorSignature(load_.Text(13), store_->families());
      l.event_pk = load_.OptionalInt(14);
      l.key = std::string(load_.Text(15));
      if (f.location_rank == 0) f.sublocation = Lower(load_.Text(16));
      out->push_back(std::move(l));
    }
    Status s = load_.status();
    load_.Reset();
    return s;
  }

  Result<int64_t> EventForKey(const std::string& key) {
    event_for_key_.BindText(1, key);
    int64_t pk = 0;
    if (event_for_key_.Step()) pk = event_for_key_.Int(0);
    Status s = event_for_key_.status();
    event_for_key_.Reset();
    if (!s.ok()) return s;
    return pk;
  }

  // Sweeps `type` from each of its dirty `days` on, until convergence.
  Status SweepType(const std::string& type, const std::vector<int64_t>& days,
                   const std::function<void(const DedupRunStats&)>& progress, uint64_t commit_every) {
    const DedupOptions& options = store_->dedup_options();
    const int64_t k = options.max_days;
    size_t i = 0;
    std::vector<Loaded> loaded;
    uint64_t since_commit = 0;
    int64_t swept_through = days.empty() ? 0 : days.back();
    while (i < days.size()) {
      int64_t x = days[i];
      // Step 1: the state before day x, from the stored assignments.
      DaySweep sweep(options);
      if (k > 0) {
        Status s = Load(type, x - k, x - 1, &loaded);
        if (!s.ok()) return s;
        std::map<std::string, std::vector<MentionFeatures>> clusters;
        for (Loaded& l : loaded)
          if (!l.key.empty()) clusters[l.key].push_back(std::move(l.features));
        for (auto& [key, members] : clusters) {
          auto seed = std::find_if(members.begin(), members.end(),
                                   [&key = key](const MentionFeatures& m) { return m.event_id == key; });
          if (seed == members.end()) continue;  // seeded before x - k: closed
          std::iter_swap(members.begin(), seed);
          sweep.AddOpenCluster(std::move(members));
        }
      }
      // Step 2: day by day until nothing is pending and the last k days were unchanged.
      int64_t last_change = x;
      for (;;) {
        Status s = Load(type, x, x, &loaded);
        if (!s.ok()) return s;
        std::vector<MentionFeatures> features;
        features.reserve(loaded.size());
        for (const Loaded& l : loaded) features.push_back(l.features);
        const std::vector<std::string> keys = sweep.AssignDay(x, &features);
        for (size_t j = 0; j < loaded.size(); ++j) {
          if (keys[j] == loaded[j].key) continue;
          last_change = x;
          Result<int64_t> pk = EventForKey(keys[j]);
          if (!pk.ok()) return pk.status();
          set_event_.BindInt(1, loaded[j].features.mention_pk);
          set_event_.BindInt(2, pk.value());
          if (s = set_event_.Run(); !s.ok()) return s;
          affected_.insert(pk.value());
          if (loaded[j].event_pk) affected_.insert(*loaded[j].event_pk);
          ++stats_->reassigned;
        }
        ++stats_->days;
        swept_through = std::max(swept_through, x);
        stats_->mentions += loaded.size();
        since_commit += loaded.size();
        while (i < days.size() && days[i] <= x) {
          last_change = x;  // a dirty day counts as changed (mentions may have left it)
          ++i;
        }
        const int64_t next = x + 1;
        const bool converged = last_change < next - k;
        if (converged && (i >= days.size() || days[i] > next)) break;
        if (since_commit >= commit_every) {
          // A commit inside the run: what remains from `next` on stays marked.
          if (!converged) {
            mark_dirty_.BindText(1, type);
            mark_dirty_.BindInt(2, next);
            if (s = mark_dirty_.Run(); !s.ok()) return s;
          }
          if (s = Checkpoint(type, x, progress); !s.ok()) return s;
          since_commit = 0;
        }
        x = next;
      }
      if (since_commit >= commit_every) {
        Status s = Checkpoint(type, x, progress);
        if (!s.ok()) return s;
        since_commit = 0;
      }
    }
    // The type is done: clear its marks (all at or before the last day swept).
    return Checkpoint(type, swept_through, progress);
  }

  // Refreshes the affected events, clears `type`'s marks up to `through`, commits and
  // opens the next transaction.
  Status Checkpoint(const std::string& type, int64_t through, const std::function<void(const DedupRunStats&)>& progress) {
    Status s = RefreshAffected();
    if (!s.ok()) return s;
    clear_dirty_.BindText(1, type);
    clear_dirty_.BindInt(2, through);
    if (s = clear_dirty_.Run(); !s.ok()) return s;
    if (s = db_->Exec("COMMIT"); !s.ok()) return s;
    if (progress) progress(*stats_);
    return db_->Exec("BEGIN IMMEDIATE");
  }

  Status RefreshAffected() {
    for (int64_t pk : affected_) {
      Status s = Refresh(pk);
      if (!s.ok()) return s;
    }
    affected_.clear();
    return Status::Ok();
  }

  void AddAffected(int64_t pk) { affected_.insert(pk); }
  // From now on an event that lost its seed is an error, not a state to wait out.
  void SetFinal() { final_ = true; }

 private:
  struct Member {
    std::string event_id;
    std::optional<std::string> outlet, article_date;
  };

  // Recomputes event `pk` from its mentions, or deletes it when it has none.
  Status Refresh(int64_t pk) {
    ++stats_->events_refreshed;
    Status s;
    std::string key;
    event_key_.BindInt(1, pk);
    const bool exists = event_key_.Step();
    if (exists) key = std::string(event_key_.Text(0));
    s = event_key_.status();
    event_key_.Reset();
    if (!s.ok()) return s;
    delete_rtree_.BindInt(1, pk);
    if (s = delete_rtree_.Run(); !s.ok()) return s;
    delete_kinds_.BindInt(1, pk);
    if (s = delete_kinds_.Run(); !s.ok()) return s;
    if (!exists) return Status::Ok();

    // Step 1: the members; the seed's fields go to the event as they are.
    members_.BindInt(1, pk);
    int64_t count = 0;
    std::set<std::string> outlets, kinds;
    std::optional<std::string> first, last;
    std::optional<int64_t> maxima[6];
    double confidence = 0;
    bool seed_found = false;
    update_event_.BindInt(1, pk);
    while (members_.Step()) {
      ++count;
      outlets.insert(std::string(members_.Text(32)));
      if (!members_.IsNull(33)) {
        const std::string date(members_.Text(33));
        if (!first || date < *first) first = date;
        if (!last || date > *last) last = date;
      }
      for (int c = 0; c < 6; ++c)
        if (!members_.IsNull(22 + c)) maxima[c] = std::max(maxima[c].value_or(0), members_.Int(22 + c));
      confidence = std::max(confidence, members_.Double(29));
      for (int col : {30, 31})
        for (std::string_view item : SplitView(members_.Text(col), ' '))
          if (!item.empty()) kinds.insert(std::string(item.substr(0, item.find(':'))));
      if (members_.Text(0) == key) {
        seed_found = true;
        // Columns 1..21 of the member query are update parameters 2..22, 28 is 29.
        for (int c = 1; c <= 21; ++c) {
          if (members_.IsNull(c)) update_event_.BindNull(c + 1);
          else if (c == 7 || c == 10) update_event_.BindInt(c + 1, members_.Int(c));
          else if (c == 12 || c == 13) update_event_.BindDouble(c + 1, members_.Double(c));
          else update_event_.BindText(c + 1, members_.Text(c));
        }
        update_event_.BindText(29, members_.Text(28));
      }
    }
    s = members_.status();
    members_.Reset();
    if (!s.ok()) return s;
    if (count > 0 && !seed_found) {
      // Mid-run (a commit between the days of one cluster) the seed may have moved on
      // while later members are not re-swept yet: refresh it at the end.
      update_event_.Reset();
      if (final_) return Status(ErrorCode::kInvalidArgument, "event '" + key + "' lost its seed mention");
      mark_stale_.BindInt(1, pk);
      return mark_stale_.Run();
    }
    if (count == 0) {
      update_event_.Reset();
      delete_event_.BindInt(1, pk);
      return delete_event_.Run();
    }
    // Step 2: the aggregates.
    for (int c = 0; c < 6; ++c) update_event_.BindOptionalInt(23 + c, maxima[c]);
    update_event_.BindDouble(30, confidence);
    update_event_.BindInt(31, count);
    update_event_.BindInt(32, static_cast<int64_t>(outlets.size()));
    update_event_.BindOptionalText(33, first);
    update_event_.BindOptionalText(34, last);
    if (s = update_event_.Run(); !s.ok()) return s;
    // Step 3: the spatial index and the actor kinds, from the event row just written.
    position_.BindInt(1, pk);
    std::optional<double> lat, lon;
    std::optional<int64_t> day;
    if (position_.Step()) {
      lat = position_.OptionalDouble(0);
      lon = position_.OptionalDouble(1);
      day = position_.OptionalInt(2);
    }
    s = position_.status();
    position_.Reset();
    if (!s.ok()) return s;
    if (lat && lon) {
      insert_rtree_.BindInt(1, pk);
      insert_rtree_.BindDouble(2, *lat);
      insert_rtree_.BindDouble(3, *lon);
      if (s = insert_rtree_.Run(); !s.ok()) return s;
    }
    for (const std::string& kind : kinds) {
      insert_kind_.BindText(1, kind);
      insert_kind_.BindOptionalInt(2, day);
      insert_kind_.BindInt(3, pk);
      if (s = insert_kind_.Run(); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Store* store_;
  Database* db_;
  DedupRunStats* stats_;
  std::unordered_set<int64_t> affected_;
  bool final_ = false;
  Statement load_, event_for_key_, set_event_, event_key_, members_, update_event_, delete_event_;
  Statement delete_rtree_, insert_rtree_, delete_kinds_, insert_kind_, clear_dirty_, mark_dirty_, mark_stale_;
  Statement position_;
};

}  // namespace

Status Deduplicate(Store* store, DedupRunStats* stats, const std::function<void(const DedupRunStats&)>& progress,
                   uint64_t commit_every) {
  Database* db = store->db();
  Reclusterer r(store, stats);
  Status s = r.Prepare();
  if (!s.ok()) return s;
  // Step 1: the marks, by type key.
  std::map<std::string, std::vector<int64_t>> dirty;
  {
    Result<Statement> st = db->Prepare("SELECT dedup_type, day FROM dirty ORDER BY dedup_type, day");
    if (!st.ok()) return st.status();
    while (st.value().Step()) dirty[std::string(st.value().Text(0))].push_back(st.value().Int(1));
    if (!st.value().status().ok()) return st.value().status();
  }
  if (s = db->Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  // Step 2: sweep each type key.
  for (const auto& [type, days] : dirty) {
    s = r.SweepType(type, days, progress, commit_every);
    if (!s.ok()) {
      (void)db->Exec("ROLLBACK");
      return s;
    }
  }
  // Step 3: events that lost mentions without a sweep touching them.
  s = r.RefreshAffected();
  if (!s.ok()) {
    (void)db->Exec("ROLLBACK");
    return s;
  }
  r.SetFinal();
  {
    Result<Statement> st = db->Prepare("SELECT event_pk FROM stale_events");
    if (!st.ok()) return st.status();
    while (st.value().Step()) r.AddAffected(st.value().Int(0));
    if (!st.value().status().ok()) return st.value().status();
  }
  s = r.RefreshAffected();
  if (s.ok()) s = db->Exec("DELETE FROM stale_events");
  if (s.ok()) s = db->Exec("COMMIT");
  if (!s.ok()) {
    (void)db->Exec("ROLLBACK");
    return s;
  }
  if (progress) progress(*stats);
  return Status::Ok();
}

}  // namespace annals::store
