// Feature tokens of candidate events (features.h). Each family of tokens is one
// block below; the model learns what each token is worth, so a block only states what
// the text shows, in as few distinct values as keep it meaningful (positions and
// counts in buckets).
#include "code/features.h"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "core/civil_date.h"

namespace annals::code {
namespace {

constexpr uint32_t kFunctionWords = extract::kDet | extract::kQuant | extract::kPrep | extract::kConj |
                                    extract::kSub | extract::kRel | extract::kPron | extract::kBe | extract::kAux |
                                    extract::kModal;
constexpr size_t kArticleWords = 40;   // content lemmas of the title and opening sentences
constexpr size_t kSentenceWords = 24;  // content lemmas of the candidate's sentence
constexpr int kWindow = 3;             // words either side of the trigger

// A content word: a word of three letters or more that belongs to no closed class.
bool IsContentWord(const BuildContext& ctx, const text::Document& doc, uint32_t i) {
  const text::Token& t = doc.tokens[i];
  return t.Is(text::kWord) && t.key_size >= 3 && (ctx.lex.ClassesOf(doc, i) & kFunctionWords) == 0;
}

std::string Bucket(uint32_t n, std::initializer_list<uint32_t> limits) {
  for (uint32_t limit : limits)
    if (n <= limit) return "le" + std::to_string(limit);
  return "gt" + std::to_string(*(limits.end() - 1));
}

void ActorTokens(std::string_view role, const std::vector<DraftActor>& actors, std::vector<std::string>* out) {
  if (actors.empty()) {
    out->push_back(std::string(role) + "=none");
    return;
  }
  for (const DraftActor& a : actors) {
    out->push_back(std::string(role) + "=" + std::string(ToString(a.actor.kind)));
    if (a.armed) out->push_back(std::string(role) + "_armed");
    if (a.state) out->push_back(std::string(role) + "_state");
    if (a.crowd) out->push_back(std::string(role) + "_crowd");
    if (a.security) out->push_back(std::string(role) + "_security");
    if (a.observer) out->push_back(std::string(role) + "_observer");
    if (a.country_actor) out->push_back(std::string(role) + "_country");
    if (a.named_person) out->push_back(std::string(role) + "_named");
    if (a.actor.count) out->push_back(std::string(role) + "_counted");
  }
}

// The mention whose context the features read: the body's first sentence that tells the
// event (an article states an event before it refers back to it: "protesters blocked the
// highway. A reason for the demonstration was not given"), else the title; within that
// sentence the strongest trigger that is not an actor's own noun ("protesters"). The
// first mention decided the type and is the strongest.
const Mention& FirstTold(const BuildContext& ctx, const EventDraft& d) {
  auto order = [&](const Mention& m) {
    const extract::FieldAnalysis& fa = *ctx.View(m.field).analysis;
    const bool actor_noun = fa.actor_at[fa.triggers[m.hit].head] >= 0;
    return std::make_tuple(m.field == Field::kText ? 0 : 1, m.sentence, actor_noun, -m.weight);
  };
  const Mention* first = &d.mentions.front();
  for (const Mention& m : d.mentions)
    if (order(m) < order(*first)) first = &m;
  return *first;
}

}  // namespace

std::vector<std::string> ArticleFeatures(const BuildContext& ctx, const std::vector<const EventDraft*>& candidates) {
  std::vector<std::string> out;
  // Topic: the title's content lemmas, then the opening sentences' until kArticleWords.
  for (const FieldView* view : {&ctx.title, &ctx.body}) {
    if (!view->doc) continue;
    const text::Document& doc = *view->doc;
    for (uint32_t i = 0; i < doc.tokens.size() && out.size() < kArticleWords; ++i)
      if (IsContentWord(ctx, doc, i)) out.push_back("a:" + std::string(doc.Lemma(i)));
  }
  // The article's candidates: how many, and which types are among them.
  out.push_back("n_cand=" + Bucket(static_cast<uint32_t>(candidates.size()), {1, 2, 4, 8, 16}));
  uint32_t types = 0;
  for (const EventDraft* d : candidates) types |= 1u << static_cast<uint32_t>(d->type);
  for (int t = 0; t < kEventTypeCount; ++t)
    if (types & (1u << t)) out.push_back("a_type=" + std::string(ToString(static_cast<EventType>(t))));
  if (ctx.title.doc && ctx.title.doc->tokens.empty()) out.push_back("no_title");
  if (ctx.body.doc) out.push_back("doc_sentences=" + Bucket(static_cast<uint32_t>(ctx.body.doc->sentences.size()), {1, 3, 8, 20}));
  return out;
}

void CandidateFeatures(const BuildContext& ctx, const EventDraft& d, std::vector<std::string>* out) {
  const Mention& m = FirstTold(ctx, d);
  const FieldView& view = ctx.View(m.field);
  const text::Document& doc = *view.doc;
  const extract::TriggerHit& hit = view.analysis->triggers[m.hit];
  const extract::TriggerEntry& entry = ctx.lex.trigger(hit.entry);
  const std::string type(ToString(d.type));

  // The trigger, its entry and its type.
  std::string trigger;
  for (uint32_t i = hit.first; i < hit.end; ++i) {
    if (!trigger.empty()) trigger += '_';
    trigger += doc.Lemma(i);
  }
  out->push_back("type=" + type);
  out->push_back("mode=" + type + "/" + d.mode);
  out->push_back("trig=" + trigger);
  out->push_back("entry=" + std::to_string(entry.line));
  out->push_back("weight=" + std::to_string(static_cast<int>(entry.weight * 10)));
  out->push_back(std::string(hit.noun ? "noun" : "verb") + "=" + type);
  out->push_back(std::string(hit.noun ? "noun_trig=" : "verb_trig=") + trigger);
  if (m.field == Field::kTitle) out->push_back("in_title");
  const text::Sentence& sentence = doc.sentences[hit.sentence];
  const text::Token& head = doc.tokens[hit.head];
  if (head.Is(text::kCapitalized) && !head.Is(text::kSentenceStart) && !head.Is(text::kAllCaps))
    out->push_back("trig_cap_inside");
  if (head.Is(text::kAllCaps)) out->push_back("trig_allcaps");
  if (hit.statement_word >= 0)
    out->push_back("stmt=" + type + "_" + std::string(doc.Lemma(static_cast<uint32_t>(hit.statement_word))));

  // The words around the trigger, with the sentence's edges.
  auto word_at = [&](int64_t i) -> std::string {
    if (i < static_cast<int64_t>(sentence.first_token)) return "<s>";
    if (i >= static_cast<int64_t>(sentence.end_token)) return "</s>";
    if (doc.tokens[static_cast<size_t>(i)].Is(text::kNumeric)) return "<num>";
    return std::string(doc.Lemma(static_cast<uint32_t>(i)));
  };
  for (int k = 1; k <= kWindow; ++k) {
    out->push_back("l" + std::to_string(k) + "=" + word_at(static_cast<int64_t>(hit.first) - k));
    out->push_back("r" + std::to_string(k) + "=" + word_at(static_cast<int64_t>(hit.end) + k - 1));
  }
  out->push_back("trig_l1=" + trigger + "_" + word_at(static_cast<int64_t>(hit.first) - 1));
  out->push_back("trig_r1=" + trigger + "_" + word_at(hit.end));
  if (hit.end < sentence.end_token && doc.tokens[hit.end].Is(text::kCapitalized)) out->push_back("r1_cap");
  // The sentence's other content words.
  size_t words = 0;
  for (uint32_t i = sentence.first_token; i < sentence.end_token && words < kSentenceWords; ++i) {
    if (i >= hit.first && i < hit.end) continue;
    if (!IsContentWord(ctx, doc, i)) continue;
    out->push_back("s:" + std::string(doc.Lemma(i)));
    ++words;
  }
  out->push_back("sent_len=" + Bucket(sentence.size(), {8, 15, 25, 40}));

  // Who acts on whom.
  ActorTokens("src", d.source, out);
  ActorTokens("tgt", d.target, out);
  out->push_back("type_src=" + type + "_" +
                 (d.source.empty() ? std::string("none") : std::string(ToString(d.source.front().actor.kind))));
  out->push_back("type_tgt=" + type + "_" +
                 (d.target.empty() ? std::string("none") : std::string(ToString(d.target.front().actor.kind))));

  // How it is told: voice, status, mood, quotation, clause, reference.
  if (hit.passive) out->push_back("passive");
  out->push_back("status=" + std::string(ToString(d.status)));
  out->push_back("mood=" + std::to_string(static_cast<int>(hit.mood)));
  if (d.in_quote) out->push_back("in_quote");
  if (d.background) out->push_back("background");
  if (d.subordinate) out->push_back("subordinate");
  if (d.pronoun_subject) out->push_back("pronoun_subject");
  if (d.noun_actor_trigger) out->push_back("actor_head_trigger");
  if (d.definite_reference) out->push_back("definite_reference");
  for (uint32_t i = sentence.first_token; i < hit.first; ++i) {
    const uint32_t classes = ctx.lex.ClassesOf(doc, i);
    if (classes & extract::kModal) out->push_back("modal_before");
    if (classes & extract::kHypo) out->push_back("hypo_before");
    if (classes & extract::kNeg) out->push_back("neg_before");
    if (classes & extract::kReport) out->push_back("report_before");
  }
  if (doc.Surface(sentence.end_token - 1) == "?") out->push_back("question");

  // What came with it.
  const Outcome& o = d.outcome;
  if (o.killed) out->push_back("killed");
  if (o.injured || o.hospitalized) out->push_back("injured");
  if (o.arrested) out->push_back("arrested");
  if (o.participants) out->push_back("participants");
  if (!o.seized.empty()) out->push_back("seized");
  for (int c = 0; c < static_cast<int>(extract::Cue::kCount); ++c)
    if (d.cues & (1u << c)) out->push_back("cue=" + std::to_string(c));
  out->push_back(d.place < 0 ? "place=none" : d.place_from_sentence ? "place=sentence" : "place=article");
  if (d.places_named_together > 1) out->push_back("places_together=" + Bucket(d.places_named_together, {2, 3}));
  if (d.date) {
    out->push_back("date=" + std::string(ToString(d.date_precision)));
    if (ctx.article_date) {
      const long days = DaysFromCivil(*ctx.article_date) - DaysFromCivil(*d.date);
      out->push_back(days < 0 ? "date_after" : days <= 7 ? "date_week" : days <= 31 ? "date_month" : "date_older");
    }
  } else {
    out->push_back("date=none");
  }
  if (!d.attribution.empty()) out->push_back("attributed");
  out->push_back("mentions=" + Bucket(static_cast<uint32_t>(d.mentions.size()), {1, 2, 4}));

  // Where it stands in the article.
  out->push_back("sentence=" + Bucket(d.first_sentence, {0, 1, 3, 7, 15}));
  out->push_back("paragraph=" + Bucket(sentence.paragraph, {0, 1, 3, 7}));
}

}  // namespace annals::code
