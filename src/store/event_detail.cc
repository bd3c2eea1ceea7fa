#include "store/event_detail.h"

namespace annals::store {
namespace {

// Reads the actors of one mention into `source` and `target` (role 0 and 1), in order.
Status ReadActors(Statement* st, int64_t mention_pk, std::vector<Actor>* source, std::vector<Actor>* target) {
  st->BindInt(1, mention_pk);
  while (st->Step()) {
    Actor a;
    a.text = std::string(st->Text(1));
    a.kind = ActorKindFromString(st->Text(2)).value_or(ActorKind::kUnknown);
    a.country = st->OptionalText(3);
    a.sector = st->OptionalText(4);
    a.code = std::string(st->Text(5));
    a.count = st->OptionalInt(6);
    a.span.start = static_cast<uint32_t>(st->Int(7));
    a.span.end = static_cast<uint32_t>(st->Int(8));
    a.span.field = st->Text(9) == "title" ? Field::kTitle : Field::kText;
    (st->Int(0) == 0 ? source : target)->push_back(std::move(a));
  }
  Status s = st->status();
  st->Reset();
  return s;
}

}  // namespace

Result<std::optional<EventDetail>> ReadEventDetail(Store* store, std::string_view key) {
  Database* db = store->db();
  // Step 1: the event row.
  Result<Statement> row = db->Prepare(
      "SELECT event_pk, key, type, mode, cameo, acled_event_type, acled_sub_event_type, date, date_precision, "
      "loc_mention, loc_name, country, admin1, admin2, loc_precision, geonameid, lat, lon, source_codes, "
      "source_texts, target_codes, target_texts, killed, injured, hospitalized, arrested, displaced, participants, "
      "status, confidence, mentions, sources, first_report, last_report FROM events WHERE key = ?1");
  if (!row.ok()) return row.status();
  Statement& st = row.value();
  st.BindText(1, key);
  if (!st.Step()) {
    if (!st.status().ok()) return st.status();
    return std::optional<EventDetail>();
  }
  EventDetail detail;
  StoredEvent& e = detail.event;
  e.pk = st.Int(0);
  e.key = std::string(st.Text(1));
  e.type = std::string(st.Text(2));
  e.mode = std::string(st.Text(3));
  e.cameo = std::string(st.Text(4));
  e.acled_event_type = st.OptionalText(5);
  e.acled_sub_event_type = st.OptionalText(6);
  e.date = st.OptionalText(7);
  e.date_precision = std::string(st.Text(8));
  e.loc_mention = st.OptionalText(9);
  e.loc_name = st.OptionalText(10);
  e.country = st.OptionalText(11);
  e.admin1 = st.OptionalText(12);
  e.admin2 = st.OptionalText(13);
  e.loc_precision = st.OptionalText(14);
  e.geonameid = st.OptionalInt(15);
  e.lat = st.OptionalDouble(16);
  e.lon = st.OptionalDouble(17);
  e.source_codes = std::string(st.Text(18));
  e.source_texts = std::string(st.Text(19));
  e.target_codes = std::string(st.Text(20));
  e.target_texts = std::string(st.Text(21));
  e.killed = st.OptionalInt(22);
  e.injured = st.OptionalInt(23);
  e.hospitalized = st.OptionalInt(24);
  e.arrested = st.OptionalInt(25);
  e.displaced = st.OptionalInt(26);
  e.participants = st.OptionalInt(27);
  e.status = std::string(st.Text(28));
  e.confidence = st.Double(29);
  e.mentions = st.Int(30);
  e.sources = st.Int(31);
  e.first_report = st.OptionalText(32);
  e.last_report = st.OptionalText(33);

  // Step 2: its mentions with their articles, then each mention's actors.
  Result<Statement> mentions = db->Prepare(
      "SELECT m.mention_pk, m.event_id, a.id, a.date, a.title, a.url, a.outlet, m.type, m.mode, m.cameo, m.date, "
      "m.loc_name, m.trigger, m.confidence, m.evidence_spans, m.evidence, a.text, a.dateline, m.date_precision, "
      "m.status, m.loc_mention, m.country, m.admin1, m.loc_precision, m.lat, m.lon, m.killed, m.injured, "
      "m.hospitalized, m.arrested, m.displaced, m.participants, m.attribution, m.trigger_span, m.geonameid, m.admin2 "
      "FROM mentions m JOIN articles a ON a.article_pk = m.article_pk WHERE m.event_pk = ?1 "
      "ORDER BY a.date, m.event_id");
  if (!mentions.ok()) return mentions.status();
  Result<Statement> actors = db->Prepare(
      "SELECT role, text, kind, country, sector, code, count, start, end, field FROM actors WHERE mention_pk = ?1 "
      "ORDER BY role, ord");
  if (!actors.ok()) return actors.status();
  Statement& m = mentions.value();
  m.BindInt(1, e.pk);
  while (m.Step()) {
    MentionDetail d;
    StoredMention& sm = d.mention;
    const int64_t mention_pk = m.Int(0);
    sm.event_id = std::string(m.Text(1));
    sm.article_id = std::string(m.Text(2));
    sm.article_date = m.OptionalText(3);
    sm.title = m.OptionalText(4);
    sm.url = m.OptionalText(5);
    sm.outlet = std::string(m.Text(6));
    sm.type = std::string(m.Text(7));
    sm.mode = std::string(m.Text(8));
    sm.cameo = std::string(m.Text(9));
    sm.date = m.OptionalText(10);
    sm.loc_name = m.OptionalText(11);
    sm.trigger = std::string(m.Text(12));
    sm.confidence = m.Double(13);
    sm.evidence_spans = std::string(m.Text(14));
    sm.evidence = std::string(m.Text(15));
    d.article_text = std::string(m.Text(16));
    d.dateline = m.OptionalText(17);
    d.date_precision = std::string(m.Text(18));
    d.status = std::string(m.Text(19));
    d.loc_mention = m.OptionalText(20);
    d.country = m.OptionalText(21);
    d.admin1 = m.OptionalText(22);
    d.loc_precision = m.OptionalText(23);
    d.lat = m.OptionalDouble(24);
    d.lon = m.OptionalDouble(25);
    d.killed = m.OptionalInt(26);
    d.injured = m.OptionalInt(27);
    d.hospitalized = m.OptionalInt(28);
    d.arrested = m.OptionalInt(29);
    d.displaced = m.OptionalInt(30);
    d.participants = m.OptionalInt(31);
    d.attribution_json = std::string(m.Text(32));
    d.trigger_span = std::string(m.Text(33));
    d.geonameid = m.OptionalInt(34);
    d.admin2 = m.OptionalText(35);
    if (Status s = ReadActors(&actors.value(), mention_pk, &d.source, &d.target); !s.ok()) return s;
    // The event's actors are its seed's.
    if (sm.event_id == e.key) {
      e.source = d.source;
      e.target = d.target;
    }
    detail.mentions.push_back(std::move(d));
  }
  if (!m.status().ok()) return m.status();
  return std::optional<EventDetail>(std::move(detail));
}

}  // namespace annals::store
