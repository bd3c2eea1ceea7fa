#include "store/writer.h"

#include "core/civil_date.h"
#include "core/json_writer.h"
#include "core/record_json.h"
#include "store/spans.h"

namespace annals::store {

struct Writer::Statements {
  Statement find_article, insert_article, update_article, fts_insert, fts_delete;
  Statement old_mentions, evidence_fts_delete, delete_actors, delete_mentions, delete_places;
  Statement mark_dirty, mark_stale, insert_mention, evidence_fts_insert, insert_actor, insert_place;
  Statement event_for_key;
};

namespace {

constexpr std::string_view kFieldNames[] = {"text", "title"};

void Mix(uint64_t* h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    *h ^= c;
    *h *= 1099511628211ull;
  }
}

// Frames an optional field: its presence, its length, its bytes.
void MixField(uint64_t* h, const std::optional<std::string>& value) {
  if (!value) {
    Mix(h, std::string_view("\x00", 1));
    return;
  }
  Mix(h, "\x01");
  Mix(h, std::to_string(value->size()));
  Mix(h, ":");
  Mix(h, *value);
}

std::optional<int64_t> DayOf(const std::optional<std::string>& date) {
  if (!date) return std::nullopt;
  std::optional<CivilDate> d = ParseIsoDate(*date);
  if (!d) return std::nullopt;
  return DaysFromCivil(*d);
}

std::string JoinActors(const std::vector<Actor>& actors, bool codes) {
  std::string out;
  for (const Actor& actor : actors) {
    if (!out.empty()) out.push_back(';');
    out.append(codes ? actor.code : actor.text);
  }
  return out;
}

// The text of a span of the article, or "" when it lies outside.
std::string_view SpanText(const Article& article, const Span& span) {
  std::string_view field = span.field == Field::kTitle
                               ? (article.title ? std::string_view(*article.title) : std::string_view())
                               : std::string_view(article.text);
  if (span.start > span.end || span.end > field.size()) return {};
  return field.substr(span.start, span.end - span.start);
}

// "start-end", with a "t" before it for a span in the title (spans.h reads it back).
void AppendSpanText(const Span& span, std::string* out) {
  if (span.field == Field::kTitle) out->push_back('t');
  out->append(std::to_string(span.start)).push_back('-');
  out->append(std::to_string(span.end));
}

Status Prepare(Database* db, Statement* st, std::string_view sql) {
  Result<Statement> r = db->Prepare(sql);
  if (!r.ok()) return r.status();
  *st = std::move(r).value();
  return Status::Ok();
}

}  // namespace

int64_t ContentHash(const Article& article) {
  uint64_t h = 1469598103934665603ull;
  MixField(&h, article.text);
  MixField(&h, article.title);
  MixField(&h, article.date);
  MixField(&h, article.language);
  MixField(&h, article.url);
  MixField(&h, article.source);
  return static_cast<int64_t>(h);
}

std::string OutletOf(const Article& article) {
  if (article.source && !article.source->empty()) return *article.source;
  if (article.url) {
    std::string_view url = *article.url;
    const size_t scheme = url.find("://");
    if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    if (url.substr(0, 4) == "www.") url.remove_prefix(4);
    if (!url.empty()) return std::string(url);
  }
  return "article:" + article.id;
}

Writer::Writer(Store* store) : store_(store), st_(std::make_unique<Statements>()), coder_(Version()) {}
Writer::~Writer() = default;

Result<std::unique_ptr<Writer>> Writer::Create(Store* store) {
  if (store->read_only()) return Status(ErrorCode::kInvalidArgument, "the store is open read-only");
  std::unique_ptr<Writer> writer(new Writer(store));
  Database* db = store->db();
  Statements& s = *writer->st_;
  const std::pair<Statement*, std::string_view> all[] = {
      {&s.find_article, "SELECT article_pk, content_hash, title, text FROM articles WHERE id = ?1"},
      {&s.insert_article,
       "INSERT INTO articles(id, content_hash, date, title, url, source, outlet, language, dateline, origin, coder, "
       "text) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"},
      {&s.update_article,
       "UPDATE articles SET content_hash = ?2, date = ?3, title = ?4, url = ?5, source = ?6, outlet = ?7, "
       "language = ?8, dateline = ?9, origin = ?10, coder = ?11, text = ?12 WHERE article_pk = ?1"},
      {&s.fts_insert, "INSERT INTO articles_fts(rowid, title, text) VALUES(?1, ?2, ?3)"},
      {&s.fts_delete, "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES('delete', ?1, ?2, ?3)"},
      {&s.old_mentions, "SELECT mention_pk, evidence, dedup_type, day, event_pk FROM mentions WHERE article_pk = ?1"},
      {&s.evidence_fts_delete,
       "INSERT INTO evidence_fts(evidence_fts, rowid, evidence) VALUES('delete', ?1, ?2)"},
      {&s.delete_actors, "DELETE FROM actors WHERE mention_pk = ?1"},
      {&s.delete_mentions, "DELETE FROM mentions WHERE article_pk = ?1"},
      {&s.delete_places, "DELETE FROM places WHERE article_pk = ?1"},
      {&s.mark_dirty, "INSERT OR IGNORE INTO dirty(dedup_type, day) VALUES(?1, ?2)"},
      {&s.mark_stale, "INSERT OR IGNORE INTO stale_events(event_pk) VALUES(?1)"},
      {&s.insert_mention,
       "INSERT INTO mentions(article_pk, ordinal, event_id, type, mode, cameo, acled_event_type, "
       "acled_sub_event_type, date, day, date_precision, loc_mention, geonameid, loc_name, lat, lon, country, "
       "admin1, admin2, loc_precision, killed, injured, hospitalized, arrested, displaced, participants, seized, "
       "status, attribution, confidence, trigger, trigger_span, evidence_spans, evidence, explanation, "
       "source_codes, source_texts, target_codes, target_texts, source_sig, target_sig, dedup_type, event_pk) "
       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
       "?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43)"},
      {&s.evidence_fts_insert, "INSERT INTO evidence_fts(rowid, evidence) VALUES(?1, ?2)"},
      {&s.insert_actor,
       "INSERT INTO actors(mention_pk, role, ord, text, kind, country, sector, code, count, start, end, field) "
       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"},
      {&s.insert_place,
       "INSERT INTO places(article_pk, ord, mention, field, start, end, geonameid, name, lat, lon, country, admin1, "
       "kind) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"},
      {&s.event_for_key,
       "INSERT INTO events(key) VALUES(?1) ON CONFLICT(key) DO UPDATE SET key = excluded.key RETURNING event_pk"},
  };
  for (const auto& [st, sql] : all) {
    Status status = Prepare(db, st, sql);
    if (!status.ok()) return status;
  }
  return writer;
}

Result<bool> Writer::IsStored(const Article& article) {
  Statement& find = st_->find_article;
  find.Reset();
  find.BindText(1, article.id);
  const bool found = find.Step() && find.Int(1) == ContentHash(article);
  Status s = find.status();
  find.Reset();
  if (!s.ok()) return s;
  return found;
}

Result<Writer::Admission> Writer::Admit(const Article& article) {
  if (!admitted_ids_.insert(article.id).second) return Admission::kRepeated;
  if (rewrite_unchanged_) return Admission::kCode;
  Result<bool> stored = IsStored(article);
  if (!stored.ok()) return stored.status();
  return stored.value() ? Admission::kUnchanged : Admission::kCode;
}

Status Writer::WriteBatch(const std::vector<const Article*>& articles,
                          const std::vector<const ArticleRecord*>& records, WriteCounts* counts) {
  if (articles.size() != records.size())
    return Status(ErrorCode::kInvalidArgument, "WriteBatch: articles and records differ in number");
  WriteCounts batch;
  Transaction tx(store_->db());
  if (!tx.status().ok()) return tx.status();
  for (size_t i = 0; i < articles.size(); ++i) {
    Status s = WriteOne(*articles[i], *records[i], &batch);
    if (!s.ok()) return s;
  }
  Status s = tx.Commit();
  if (!s.ok()) return s;
  counts->added += batch.added;
  counts->replaced += batch.replaced;
  counts->unchanged += batch.unchanged;
  counts->mentions_added += batch.mentions_added;
  counts->mentions_removed += batch.mentions_removed;
  return Status::Ok();
}

Status Writer::DeleteContent(int64_t article_pk, const std::string& old_title, const std::string& old_text,
                             WriteCounts* counts) {
  Statements& s = *st_;
  Status status;
  // Step 1: each old mention leaves the evidence index, marks its day dirty and its event stale.
  s.old_mentions.BindInt(1, article_pk);
  std::vector<int64_t> mention_pks;
  while (s.old_mentions.Step()) {
    const int64_t pk = s.old_mentions.Int(0);
    mention_pks.push_back(pk);
    s.evidence_fts_delete.BindInt(1, pk);
    s.evidence_fts_delete.BindText(2, s.old_mentions.Text(1));
    if (status = s.evidence_fts_delete.Run(); !status.ok()) return status;
    if (!s.old_mentions.IsNull(3)) {
      s.mark_dirty.BindText(1, s.old_mentions.Text(2));
      s.mark_dirty.BindInt(2, s.old_mentions.Int(3));
      if (status = s.mark_dirty.Run(); !status.ok()) return status;
    }
    if (!s.old_mentions.IsNull(4)) {
      s.mark_stale.BindInt(1, s.old_mentions.Int(4));
      if (status = s.mark_stale.Run(); !status.ok()) return status;
    }
  }
  status = s.old_mentions.status();
  s.old_mentions.Reset();
  if (!status.ok()) return status;
  // Step 2: the rows themselves.
  for (int64_t pk : mention_pks) {
    s.delete_actors.BindInt(1, pk);
    if (status = s.delete_actors.Run(); !status.ok()) return status;
  }
  counts->mentions_removed += mention_pks.size();
  s.delete_mentions.BindInt(1, article_pk);
  if (status = s.delete_mentions.Run(); !status.ok()) return status;
  s.delete_places.BindInt(1, article_pk);
  if (status = s.delete_places.Run(); !status.ok()) return status;
  s.fts_delete.BindInt(1, article_pk);
  s.fts_delete.BindText(2, old_title);
  s.fts_delete.BindText(3, old_text);
  return s.fts_delete.Run();
}

Status Writer::WriteOne(const Article& article, const ArticleRecord& record, WriteCounts* counts) {
  Statements& s = *st_;
  Database* db = store_->db();
  const int64_t hash = ContentHash(article);
  Status status;

  // Step 1: the article row: new, unchanged (done), or changed (old content removed).
  int64_t article_pk = 0;
  bool exists = false;
  std::string old_title, old_text;
  s.find_article.BindText(1, article.id);
  if (s.find_article.Step()) {
    exists = true;
    article_pk = s.find_article.Int(0);
    if (s.find_article.Int(1) == hash && !rewrite_unchanged_) {
      s.find_article.Reset();
      ++counts->unchanged;
      return Status::Ok();
    }
    old_title = std::string(s.find_article.Text(2));
    old_text = std::string(s.find_article.Text(3));
  }
  status = s.find_article.status();
  s.find_article.Reset();
  if (!status.ok()) return status;
  if (exists) {
    status = DeleteContent(article_pk, old_title, old_text, counts);
    if (!status.ok()) return status;
  }
  Statement& put = exists ? s.update_article : s.insert_article;
  if (exists) put.BindInt(1, article_pk);
  else put.BindText(1, article.id);
  put.BindInt(2, hash);
  put.BindOptionalText(3, article.date);
  put.BindOptionalText(4, article.title);
  put.BindOptionalText(5, article.url);
  put.BindOptionalText(6, article.source);
  put.BindText(7, OutletOf(article));
  put.BindText(8, article.language);
  put.BindOptionalText(9, record.dateline);
  put.BindText(10, article.origin);
  put.BindText(11, coder_);
  put.BindText(12, article.text);
  if (status = put.Run(); !status.ok()) return status;
  if (!exists) article_pk = db->LastInsertRowid();
  exists ? ++counts->replaced : ++counts->added;
  s.fts_insert.BindInt(1, article_pk);
  s.fts_insert.BindText(2, article.title.value_or(""));
  s.fts_insert.BindText(3, article.text);
  if (status = s.fts_insert.Run(); !status.ok()) return status;

  // Step 2: places.
  for (size_t i = 0; i < record.places.size(); ++i) {
    const PlaceMention& p = record.places[i];
    Statement& q = s.insert_place;
    q.BindInt(1, article_pk);
    q.BindInt(2, static_cast<int64_t>(i));
    q.BindText(3, p.mention);
    q.BindText(4, kFieldNames[static_cast<int>(p.span.field)]);
    q.BindInt(5, p.span.start);
    q.BindInt(6, p.span.end);
    q.BindOptionalInt(7, p.geonameid);
    q.BindOptionalText(8, p.name);
    q.BindOptionalDouble(9, p.lat);
    q.BindOptionalDouble(10, p.lon);
    q.BindOptionalText(11, p.country);
    q.BindOptionalText(12, p.admin1);
    q.BindText(13, ToString(p.kind));
    if (status = q.Run(); !status.ok()) return status;
  }

  // Step 3: mentions, their evidence and actors.
  const DedupOptions& options = store_->dedup_options();
  std::string seized, attribution, trigger_span, spans, evidence, explanation;
  for (size_t i = 0; i < record.events.size(); ++i) {
    const Event& e = record.events[i];
    const std::optional<int64_t> day = DayOf(e.date);
    const std::string dedup_type = DedupTypeKey(options.type_key, ToString(e.type), e.cameo,
                                                e.acled ? std::optional<std::string>(e.acled->event_type) : std::nullopt);
    // An undated mention can match nothing: it is an event of its own at once.
    std::optional<int64_t> event_pk;
    if (!day) {
      s.event_for_key.BindText(1, e.id);
      if (s.event_for_key.Step()) event_pk = s.event_for_key.Int(0);
      status = s.event_for_key.status();
      s.event_for_key.Reset();
      if (!status.ok()) return status;
      s.mark_stale.BindInt(1, *event_pk);
      if (status = s.mark_stale.Run(); !status.ok()) return status;
    } else {
      s.mark_dirty.BindText(1, dedup_type);
      s.mark_dirty.BindInt(2, *day);
      if (status = s.mark_dirty.Run(); !status.ok()) return status;
    }
    seized.clear();
    if (!e.outcome.seized.empty()) {
      JsonWriter json(&seized);
      json.BeginArray();
      for (const Seized& item : e.outcome.seized) {
        json.BeginObject();
        json.Key("what");
        json.String(item.what);
        json.Key("count");
        json.OptionalInt(item.count);
        json.EndObject();
      }
      json.EndArray();
    }
    attribution.clear();
    if (!e.attribution.empty()) {
      JsonWriter json(&attribution);
      json.BeginArray();
      for (const std::string& who : e.attribution) json.String(who);
      json.EndArray();
    }
    trigger_span.clear();
    AppendSpanText(e.trigger_span, &trigger_span);
    spans.clear();
    evidence.clear();
    for (const Span& span : e.evidence) {
      if (!spans.empty()) spans.push_back(';');
      AppendSpanText(span, &spans);
      if (!evidence.empty()) evidence.push_back('\n');
      evidence.append(SpanText(article, span));
    }
    explanation.clear();
    {
      JsonWriter json(&explanation);
      json.BeginArray();
      for (const std::string& rule : e.explanation) json.String(rule);
      json.EndArray();
    }
    const Location* loc = e.location ? &*e.location : nullptr;
    Statement& q = s.insert_mention;
    q.BindInt(1, article_pk);
    q.BindInt(2, static_cast<int64_t>(i));
    q.BindText(3, e.id);
    q.BindText(4, ToString(e.type));
    if (!e.mode.empty()) q.BindText(5, e.mode);
    q.BindText(6, e.cameo);
    if (e.acled) {
      q.BindText(7, e.acled->event_type);
      q.BindText(8, e.acled->sub_event_type);
    }
    q.BindOptionalText(9, e.date);
    q.BindOptionalInt(10, day);
    q.BindText(11, ToString(e.date_precision));
    if (loc) {
      q.BindOptionalText(12, loc->mention);
      q.BindOptionalInt(13, loc->geonameid);
      q.BindOptionalText(14, loc->name);
      q.BindOptionalDouble(15, loc->lat);
      q.BindOptionalDouble(16, loc->lon);
      q.BindOptionalText(17, loc->country);
      q.BindOptionalText(18, loc->admin1);
      q.BindOptionalText(19, loc->admin2);
      q.BindText(20, ToString(loc->precision));
    }
    q.BindOptionalInt(21, e.outcome.killed);
    q.BindOptionalInt(22, e.outcome.injured);
    q.BindOptionalInt(23, e.outcome.hospitalized);
    q.BindOptionalInt(24, e.outcome.arrested);
    q.BindOptionalInt(25, e.outcome.displaced);
    q.BindOptionalInt(26, e.outcome.participants);
    if (!seized.empty()) q.BindText(27, seized);
    q.BindText(28, ToString(e.status));
    if (!attribution.empty()) q.BindText(29, attribution);
    q.BindDouble(30, e.confidence);
    q.BindText(31, e.trigger);
    q.BindText(32, trigger_span);
    q.BindText(33, spans);
    q.BindText(34, evidence);
    q.BindText(35, explanation);
    q.BindText(36, JoinActors(e.source, true));
    q.BindText(37, JoinActors(e.source, false));
    q.BindText(38, JoinActors(e.target, true));
    q.BindText(39, JoinActors(e.target, false));
    q.BindText(40, ActorSignature(e.source));
    q.BindText(41, ActorSignature(e.target));
    q.BindText(42, dedup_type);
    q.BindOptionalInt(43, event_pk);
    if (status = q.Run(); !status.ok()) return status;
    const int64_t mention_pk = db->LastInsertRowid();
    ++counts->mentions_added;
    s.evidence_fts_insert.BindInt(1, mention_pk);
    s.evidence_fts_insert.BindText(2, evidence);
    if (status = s.evidence_fts_insert.Run(); !status.ok()) return status;
    for (int role = 0; role < 2; ++role) {
      const std::vector<Actor>& actors = role == 0 ? e.source : e.target;
      for (size_t k = 0; k < actors.size(); ++k) {
        const Actor& a = actors[k];
        Statement& r = s.insert_actor;
        r.BindInt(1, mention_pk);
        r.BindInt(2, role);
        r.BindInt(3, static_cast<int64_t>(k));
        r.BindText(4, a.text);
        r.BindText(5, ToString(a.kind));
        r.BindOptionalText(6, a.country);
        r.BindOptionalText(7, a.sector);
        r.BindText(8, a.code);
        r.BindOptionalInt(9, a.count);
        r.BindInt(10, a.span.start);
        r.BindInt(11, a.span.end);
        r.BindText(12, kFieldNames[static_cast<int>(a.span.field)]);
        if (status = r.Run(); !status.ok()) return status;
      }
    }
  }
  return Status::Ok();
}

}  // namespace annals::store
