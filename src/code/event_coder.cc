// EventCoder: extract, draft, complete, merge, classify, score and write the events
// of one article.
//
// Confidence. Each event starts from its strongest trigger's lexicon weight (how
// surely those words report an event of that type) and is adjusted by what
// supports it: +0.04 for a named source, +0.04 for a named target, +0.03 for each
// further mention that told it again (at most three), -0.05 for each sentence
// before its first mention (at most five: news and event notes lead with the main
// event), -0.15 when it is only read inside a quotation, -0.25 when it did not
// (yet) occur, -0.35 when it is only the reason for another event, -0.12 when it
// is told in a clause below another event's, +0.03 for an assault (harm to people
// outranks the arrests or damage told beside it), -0.3 when the text dates it more
// than kHistoryDays before the article, a tie-break of 0.0005 per byte of its trigger's offset (at most
// 40), -0.2 when its trigger is only a group's name ("protesters"), and an
// arrest or dispersal of a protest's crowd stays below that protest. The result is
// clamped to [0.05, 0.99].
#include "code/event_coder.h"

#include <algorithm>

#include "code/acled_rules.h"
#include "code/draft_builder.h"
#include "code/merge.h"
#include "extract/steps.h"

namespace annals::code {
namespace {

constexpr long kHistoryDays = 31;  // events dated earlier than this before the article are history

Location ToLocation(const geo::GeoResult& geo, int index) {
  const geo::FoundPlace& place = geo.places[static_cast<size_t>(index)];
  const PlaceMention* where = &place.mention;
  Location loc;
  loc.mention = place.mention.mention;
  if (place.mention.kind == PlaceKind::kSublocation && place.parent >= 0) {
    where = &geo.places[static_cast<size_t>(place.parent)].mention;
    loc.name = place.mention.mention;
    loc.precision = LocationPrecision::kSublocation;
  } else {
    loc.name = where->name;
    loc.geonameid = where->geonameid;
    switch (place.mention.kind) {
      case PlaceKind::kCity: loc.precision = LocationPrecision::kCity; break;
      case PlaceKind::kAdmin2: loc.precision = LocationPrecision::kAdmin2; break;
      case PlaceKind::kAdmin1: loc.precision = LocationPrecision::kAdmin1; break;
      default: loc.precision = LocationPrecision::kCountry; break;
    }
  }
  loc.lat = where->lat;
  loc.lon = where->lon;
  loc.country = where->country;
  loc.admin1 = where->admin1;
  const geo::FoundPlace& division =
      where == &place.mention ? place : geo.places[static_cast<size_t>(place.parent)];
  // An event known only to a first-level division stands at its seat, as ACLED codes
  // it ("the provincial capital"): the division's centre is often empty country.
  if (division.mention.kind == PlaceKind::kAdmin1 && division.seat) {
    loc.lat = division.seat->first;
    loc.lon = division.seat->second;
  }
  if (!division.admin2_code.empty()) loc.admin2 = division.admin2_code;
  return loc;
}

// Kinds whose members belong to the country where they act, unless the text says
// otherwise: agents of the state and the local population.
bool TakesLocalCountry(const DraftActor& a) {
  if (a.state) return true;
  switch (a.actor.kind) {
    case ActorKind::kProtesters:
    case ActorKind::kRioters:
    case ActorKind::kCivilians:
    case ActorKind::kLabor:
    case ActorKind::kStudents:
    case ActorKind::kHealth:
    case ActorKind::kJudiciary:
    case ActorKind::kParty:
    case ActorKind::kBusiness:
    case ActorKind::kReligious:
    case ActorKind::kMedia:
      return true;
    default:
      return false;
  }
}

void FinishActor(const std::string& local_country, DraftActor* a) {
  // A named person (a president, a minister) may act abroad: no country by place.
  if (!a->actor.country && !local_country.empty() && TakesLocalCountry(*a) && !a->named_person)
    a->actor.country = local_country;
  a->actor.code = a->actor.country.value_or("") + a->actor.sector.value_or("");
}

double Confidence(const EventDraft& d, bool intervention_in_protest, const std::optional<CivilDate>& article_date) {
  double c = d.mentions.front().weight;
  // An event the text dates long before the article ("on 24 May 2018") is history.
  if (d.date && article_date && d.date_precision != DatePrecision::kYear &&
      DaysFromCivil(*d.date) < DaysFromCivil(*article_date) - kHistoryDays)
    c -= 0.3;
  if (!d.source.empty()) c += 0.04;
  if (!d.target.empty()) c += 0.04;
  c += 0.03 * std::min<size_t>(d.mentions.size() - 1, 3);
  c -= 0.05 * std::min<uint32_t>(d.first_sentence, 5);
  c -= 0.0005 * std::min<uint32_t>(d.trigger_span.start, 40);  // earlier words first among equals
  if (d.in_quote) c -= 0.15;
  if (d.status != EventStatus::kOccurred) c -= 0.25;
  if (d.noun_actor_trigger) c -= 0.2;
  if (d.background) c -= 0.35;
  if (d.subordinate) c -= 0.2;
  if (d.type == EventType::kAssault) c += 0.03;  // harm done outranks arrests and damage told beside it
  if (intervention_in_protest) c -= 0.1;
  return std::clamp(c, 0.05, 0.99);
}

}  // namespace

struct EventCoder::Impl {
  const geo::Geocoder* geocoder = nullptr;
  const text::Lemmatizer* lemmatizer = nullptr;
  std::unique_ptr<extract::Lexicons> lex;
};

EventCoder::EventCoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventCoder::~EventCoder() = default;

Result<std::unique_ptr<EventCoder>> EventCoder::Load(const std::string& data_dir, const geo::Geocoder* geocoder,
                                                     const text::Lemmatizer* lemmatizer) {
  auto impl = std::make_unique<Impl>();
  impl->geocoder = geocoder;
  impl->lemmatizer = lemmatizer;
  auto lex = extract::Lexicons::Load();
  if (!lex.ok()) return lex.status();
  impl->lex = std::move(lex).value();
  return std::unique_ptr<EventCoder>(new EventCoder(std::move(impl)));
}

void EventCoder::Code(const Article& article, const text::Document& title, const text::Document& body,
                      const geo::GeoResult& places, ArticleRecord* record) const {
  thread_local extract::FieldAnalysis title_analysis, body_analysis;
  thread_local std::vector<EventDraft> drafts;
  const extract::Lexicons& lex = *impl_->lex;

  // Step 1: extract from the title and the text.
  extract::ExtractContext title_ctx{lex, title, places.places, impl_->geocoder, impl_->lemmatizer, title_analysis};
  extract::Extract(title_ctx);
  extract::ExtractContext body_ctx{lex, body, places.places, impl_->geocoder, impl_->lemmatizer, body_analysis};
  extract::Extract(body_ctx);

  // Step 2: drafts, completed and merged.
  std::optional<CivilDate> article_date;
  if (article.date) article_date = ParseIsoDate(*article.date);
  BuildContext ctx{lex, places, FieldView{&title, &title_analysis}, FieldView{&body, &body_analysis}, article_date,
                   ArticlePlace(places)};
  drafts.clear();
  BuildDrafts(ctx, &drafts);
  CompleteDrafts(ctx, &drafts);
  MergeDrafts(places, &drafts);
  LinkProtests(places, &drafts);

  // Step 3: classify, score and write.
  AcledContext acled_context;
  for (const EventDraft& d : drafts) {
    if (d.dropped || d.background) continue;
    // A crowd that demands something is protesting ("laborers who demanded to go home").
    bool crowd_source = false;
    for (const DraftActor& a : d.source)
      crowd_source |= a.actor.kind == ActorKind::kProtesters || a.actor.kind == ActorKind::kCivilians ||
                      a.actor.kind == ActorKind::kLabor || a.actor.kind == ActorKind::kStudents ||
                      a.actor.kind == ActorKind::kMigrants;
    acled_context.protest_in_article |= d.type == EventType::kProtest || (d.type == EventType::kDemand && crowd_source);
  }
  // An event told only as the reason for another ("after the strike", "protest
  // against the killing") is a back-reference when the article reports an event of
  // that type itself; it is kept, with low confidence, only when it is all there is.
  uint32_t reported_types = 0;
  for (const EventDraft& d : drafts)
    if (!d.dropped && !d.background) reported_types |= 1u << static_cast<uint32_t>(d.type);
  std::vector<const EventDraft*> kept;
  for (const EventDraft& d : drafts)
    if (!d.dropped && !(d.background && (reported_types & (1u << static_cast<uint32_t>(d.type))))) kept.push_back(&d);
  std::stable_sort(kept.begin(), kept.end(), [](const EventDraft* a, const EventDraft* b) {
    const Span& x = a->evidence.front();
    const Span& y = b->evidence.front();
    if (x.field != y.field) return x.field == Field::kTitle;
    return x.start < y.start;
  });
  bool any_protest = false;
  for (const EventDraft* dp : kept) any_protest |= dp->type == EventType::kProtest;
  for (const EventDraft* dp : kept) {
    EventDraft d = *dp;
    Event e;
    e.id = article.id + "-e" + std::to_string(record->events.size() + 1);
    e.type = d.type;
    e.mode = d.mode;
    e.cameo = d.cameo;
    std::string why;
    e.acled = ChooseAcled(d, acled_context, &why);
    d.explanation.push_back("ACLED: " + why);
    std::string local_country;
    if (d.place >= 0) {
      e.location = ToLocation(places, d.place);
      const geo::FoundPlace& place = places.places[static_cast<size_t>(d.place)];
      const geo::FoundPlace& anchor = place.parent >= 0 ? places.places[static_cast<size_t>(place.parent)] : place;
      local_country = anchor.country_alpha3;
      if (!d.place_from_sentence) d.explanation.push_back("place: the article's place, not named with the event");
    }
    for (DraftActor& a : d.source) {
      FinishActor(local_country, &a);
      e.source.push_back(a.actor);
    }
    for (DraftActor& a : d.target) {
      FinishActor(local_country, &a);
      e.target.push_back(a.actor);
    }
    if (d.date) {
      e.date = FormatIsoDate(*d.date);
      e.date_precision = d.date_precision;
    } else {
      e.date = article.date;
      e.date_precision = DatePrecision::kArticle;
    }
    e.outcome = d.outcome;
    e.status = d.status;
    e.attribution = d.attribution;
    e.evidence = d.evidence;
    const bool intervention = any_protest && d.type == EventType::kCoerce && (d.mode == "arrest" || d.mode == "repression");
    e.confidence = Confidence(d, intervention, article_date);
    e.trigger = d.trigger;
    e.trigger_span = d.trigger_span;
    e.explanation = std::move(d.explanation);
    record->events.push_back(std::move(e));
  }

  // Step 4: quotations.
  for (const auto* analysis : {&title_analysis, &body_analysis}) {
    const text::Document& doc = analysis == &title_analysis ? title : body;
    for (const extract::QuoteMention& q : analysis->quotes) {
      Quote quote;
      quote.text = std::string(doc.SpanText(q.first, q.end));
      if (!q.speaker.empty()) quote.speaker = q.speaker;
      quote.span = doc.SpanOf(q.first, q.end);
      record->quotes.push_back(std::move(quote));
    }
  }
}

}  // namespace annals::code
