// EventCoder: extract, draft, complete, merge, classify, judge and write the events
// of one article.
//
// Judging. Every candidate that survives merging is described by its feature tokens
// (features.h) and judged by the learned model (event_model.h): its calibrated
// probability is the event's confidence, and a candidate below the minimum confidence
// is left out. Without the model (PipelineOptions::use_event_model false, the
// trainer's view) every candidate is kept with confidence 0.5.
#include "code/event_coder.h"

#include <algorithm>
#include <cstdio>

#include "code/acled_rules.h"
#include "code/draft_builder.h"
#include "code/event_model.h"
#include "code/features.h"
#include "code/merge.h"
#include "extract/steps.h"

namespace annals::code {
namespace {

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

void FinishActor(const std::string& local_country, DraftActor* a) {
  // A named person (a president, a minister) may act abroad: no country by place.
  if (!a->actor.country && !local_country.empty() && (a->state || a->local) && !a->named_person)
    a->actor.country = local_country;
  a->actor.code = a->actor.country.value_or("") + a->actor.sector.value_or("");
}

}  // namespace

struct EventCoder::Impl {
  const geo::Geocoder* geocoder = nullptr;
  const text::Lemmatizer* lemmatizer = nullptr;
  std::unique_ptr<extract::Lexicons> lex;
  std::unique_ptr<EventModel> model;  // null without the learned decision
  double min_confidence = 0;
  bool with_features = false;
};

EventCoder::EventCoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventCoder::~EventCoder() = default;

Result<std::unique_ptr<EventCoder>> EventCoder::Load(const std::string& data_dir, const PipelineOptions& options,
                                                     const geo::Geocoder* geocoder,
                                                     const text::Lemmatizer* lemmatizer) {
  auto impl = std::make_unique<Impl>();
  impl->geocoder = geocoder;
  impl->lemmatizer = lemmatizer;
  auto lex = extract::Lexicons::Load();
  if (!lex.ok()) return lex.status();
  impl->lex = std::move(lex).value();
  if (options.use_event_model) {
    auto model = EventModel::Load(data_dir);
    if (!model.ok()) return model.status();
    impl->model = std::move(model).value();
    impl->min_confidence = options.min_confidence.value_or(impl->model->threshold());
  } else {
    impl->min_confidence = options.min_confidence.value_or(0.0);
  }
  impl->with_features = options.with_features;
  return std::unique_ptr<EventCoder>(new EventCoder(std::move(impl)));
}

double EventCoder::min_confidence() const { return impl_->min_confidence; }

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
      crowd_source |= a.crowd;
    acled_context.protest_in_article |= d.type == EventType::kProtest || (d.type == EventType::kDemand && crowd_source);
  }
  // An event told only as the reason for another ("after the strike", "protest
  // against the killing") is a back-reference when the article reports an event of
  // that type itself; it is a candidate only when it is all there is.
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
  const std::vector<std::string> article_features = ArticleFeatures(ctx, kept);
  thread_local std::vector<std::string> features;
  thread_local std::vector<int32_t> article_ids, ids;
  article_ids.clear();
  if (impl_->model) impl_->model->TokenIds(article_features, &article_ids);
  for (const EventDraft* dp : kept) {
    // The decision: is this candidate an event, and how sure.
    features.clear();
    CandidateFeatures(ctx, *dp, &features);
    Decision decision{dp->type, 0.5, 0.5};
    if (impl_->model) {
      ids = article_ids;
      impl_->model->TokenIds(features, &ids);
      decision = impl_->model->Decide(ids, dp->type);
    }
    if (decision.probability < impl_->min_confidence) continue;
    EventDraft d = *dp;
    if (impl_->model) {
      char why[128];
      std::snprintf(why, sizeof why, "model: an event of this type with probability %.3f (raw %.3f)%s%s",
                    decision.probability, decision.raw, decision.likeliest == d.type ? "" : "; likeliest type ",
                    decision.likeliest == d.type ? "" : std::string(ToString(decision.likeliest)).c_str());
      d.explanation.push_back(why);
    }
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
    e.confidence = decision.probability;
    if (impl_->with_features) {
      e.features = features;
      e.features.insert(e.features.end(), article_features.begin(), article_features.end());
    }
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
