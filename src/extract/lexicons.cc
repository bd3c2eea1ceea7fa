#include "extract/lexicons.h"

#include <algorithm>
#include <charconv>

#include "core/tsv.h"

namespace annals::embedded {
extern const std::string_view kTriggersTsv;
extern const std::string_view kCuesTsv;
extern const std::string_view kStatementWordsTsv;
extern const std::string_view kActorNounsTsv;
extern const std::string_view kOrganizationsTsv;
extern const std::string_view kTitlesTsv;
extern const std::string_view kActorKindsTsv;
extern const std::string_view kWordClassesTsv;
extern const std::string_view kOutcomeWordsTsv;
}  // namespace annals::embedded

namespace annals::extract {
namespace {

Status RowError(std::string_view file, const TsvTable::Row& row, const std::string& what) {
  return Status(ErrorCode::kCorruptResource, std::string(file) + ":" + std::to_string(row.line) + ": " + what);
}

std::string_view Dash(std::string_view field) { return field == "-" ? std::string_view() : field; }

struct NamedBit {
  std::string_view name;
  uint32_t bit;
};

constexpr NamedBit kClassNames[] = {
    {"det", kDet},   {"quant", kQuant}, {"prep", kPrep},     {"conj", kConj},       {"sub", kSub},
    {"rel", kRel},   {"pron", kPron},   {"be", kBe},         {"aux", kAux},         {"modal", kModal},
    {"neg", kNeg},   {"report", kReport}, {"attempt", kAttempt}, {"plan", kPlan}, {"threat", kThreat},
    {"hypo", kHypo}, {"deny", kDeny}, {"grievance", kGrievance},
    {"intent", kIntent},     {"oblige", kOblige}, {"refuse", kRefuse}, {"settlement", kSettlement},
};

constexpr std::string_view kCueNames[] = {
    "air", "shell", "ied", "suicide", "grenade", "chemical", "sexual", "abduct", "regain", "overtake",
    "transfer", "intervene", "excessive", "violent_crowd", "peaceful", "loot", "arrest", "disrupt", "base",
    "agreement", "reinforce", "change", "mob", "fight", "weapon", "property", "military", "firearms", "communal",
    "blast", "crude"};
static_assert(sizeof(kCueNames) / sizeof(kCueNames[0]) == static_cast<size_t>(Cue::kCount));

// Loads actor nouns or organisations. An organisation also matches as "pro-<name>"
// ("pro-Houthi forces"), a phrase stored in `generated`.
Status LoadActors(std::string_view data, std::string_view file, bool organisations, std::vector<ActorEntry>* out,
                  PhraseMatcher* matcher, std::deque<std::string>* generated) {
  Result<TsvTable> table = ParseTsv(data, file, organisations ? 5 : 5);
  if (!table.ok()) return table.status();
  for (const TsvTable::Row& row : table.value().rows) {
    ActorEntry entry;
    entry.phrase = row.fields[0];
    const auto kind = ActorKindFromString(row.fields[1]);
    if (!kind) return RowError(file, row, "unknown actor kind '" + std::string(row.fields[1]) + "'");
    entry.kind = *kind;
    entry.sector = Dash(row.fields[2]);
    if (organisations) {
      entry.country = Dash(row.fields[3]);
      entry.armed = row.fields[4] == "1";
      entry.organisation = true;
      entry.short_name = entry.phrase.size() <= 3 && entry.phrase.find(' ') == std::string_view::npos;
    } else {
      entry.armed = row.fields[3] == "1";
      entry.state = row.fields[4] == "1";
    }
    matcher->Add(entry.phrase, static_cast<uint32_t>(out->size()));
    if (organisations) {
      generated->push_back("pro-" + std::string(entry.phrase));
      matcher->Add(generated->back(), static_cast<uint32_t>(out->size()));
    }
    out->push_back(entry);
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Lexicons>> Lexicons::Load() {
  auto lex = std::make_unique<Lexicons>();

  // Word classes.
  {
    constexpr std::string_view kFile = "data/extract/word_classes.tsv";
    Result<TsvTable> table = ParseTsv(embedded::kWordClassesTsv, kFile, 2);
    if (!table.ok()) return table.status();
    for (const TsvTable::Row& row : table.value().rows) {
      uint32_t bit = 0;
      for (const NamedBit& named : kClassNames)
        if (named.name == row.fields[1]) bit = named.bit;
      if (bit == 0) return RowError(kFile, row, "unknown word class '" + std::string(row.fields[1]) + "'");
      lex->classes_[row.fields[0]] |= bit;
    }
  }

  // Triggers.
  {
    constexpr std::string_view kFile = "data/events/triggers.tsv";
    Result<TsvTable> table = ParseTsv(embedded::kTriggersTsv, kFile, 8);
    if (!table.ok()) return table.status();
    for (const TsvTable::Row& row : table.value().rows) {
      TriggerEntry e;
      e.pattern = row.fields[0];
      const std::string_view pos = row.fields[1];
      e.pos = pos == "V"   ? TriggerPos::kVerb
              : pos == "N" ? TriggerPos::kNoun
              : pos == "S" ? TriggerPos::kStatement
                           : TriggerPos::kAny;
      const auto type = EventTypeFromString(row.fields[2]);
      e.blocker = row.fields[2] == "-";
      if (!type && !e.blocker) return RowError(kFile, row, "unknown PLOVER type '" + std::string(row.fields[2]) + "'");
      if (type) e.type = *type;
      e.mode = Dash(row.fields[3]);
      e.cameo = row.fields[4];
      if (e.cameo.size() < 2 || e.cameo.size() > 4 || e.cameo.find_first_not_of("0123456789") != std::string_view::npos)
        return RowError(kFile, row, "CAMEO code must be 2 to 4 digits");
      e.acled_sub = Dash(row.fields[5]);
      const std::string_view weight = row.fields[6];
      float w = 0;
      // std::from_chars for float is available in g++ 12.
      if (std::from_chars(weight.data(), weight.data() + weight.size(), w).ec != std::errc() || w <= 0 || w > 1)
        return RowError(kFile, row, "weight must be a number in (0, 1]");
      e.weight = w;
      const std::string_view roles = row.fields[7];
      e.roles = roles == "sym" ? RoleFrame::kSymmetric
                : roles == "undergo" ? RoleFrame::kUndergo
                : roles == "none" ? RoleFrame::kNone
                                  : RoleFrame::kSvo;
      e.line = row.line;
      lex->trigger_matcher_.Add(e.pattern, static_cast<uint32_t>(lex->triggers_.size()));
      lex->triggers_.push_back(e);
    }
  }

  // Cues.
  {
    constexpr std::string_view kFile = "data/events/cues.tsv";
    Result<TsvTable> table = ParseTsv(embedded::kCuesTsv, kFile, 2);
    if (!table.ok()) return table.status();
    for (const TsvTable::Row& row : table.value().rows) {
      int cue = -1;
      for (size_t i = 0; i < static_cast<size_t>(Cue::kCount); ++i)
        if (kCueNames[i] == row.fields[1]) cue = static_cast<int>(i);
      if (cue < 0) return RowError(kFile, row, "unknown cue '" + std::string(row.fields[1]) + "'");
      lex->cue_matcher_.Add(row.fields[0], static_cast<uint32_t>(lex->cues_.size()));
      lex->cues_.push_back(static_cast<Cue>(cue));
    }
  }

  // Statement words.
  {
    constexpr std::string_view kFile = "data/events/statement_words.tsv";
    Result<TsvTable> table = ParseTsv(embedded::kStatementWordsTsv, kFile, 2);
    if (!table.ok()) return table.status();
    for (const TsvTable::Row& row : table.value().rows) {
      const auto type = EventTypeFromString(row.fields[1]);
      if (!type) return RowError(kFile, row, "unknown PLOVER type '" + std::string(row.fields[1]) + "'");
      lex->statement_matcher_.Add(row.fields[0], static_cast<uint32_t>(lex->statement_types_.size()));
      lex->statement_types_.push_back(*type);
    }
  }

  // Outcome phrases.
  {
    constexpr std::string_view kFile = "data/extract/outcome_words.tsv";
    Result<TsvTable> table = ParseTsv(embedded::kOutcomeWordsTsv, kFile, 3);
    if (!table.ok()) return table.status();
    static constexpr std::pair<std::string_view, OutcomeKind> kKinds[] = {
        {"killed", OutcomeKind::kKilled},         {"injured", OutcomeKind::kInjured},
        {"hospitalized", OutcomeKind::kHospitalized}, {"arrested", OutcomeKind::kArrested},
        {"displaced", OutcomeKind::kDisplaced},   {"participants", OutcomeKind::kParticipants}};
    for (const TsvTable::Row& row : table.value().rows) {
      const auto it = std::find_if(std::begin(kKinds), std::end(kKinds),
                                   [&](const auto& k) { return k.first == row.fields[1]; });
      if (it == std::end(kKinds)) return RowError(kFile, row, "unknown outcome '" + std::string(row.fields[1]) + "'");
      if (row.fields[2] != "after" && row.fields[2] != "before")
        return RowError(kFile, row, "side must be after or before");
      const uint32_t value = static_cast<uint32_t>(lex->outcome_kinds_.size());
      lex->outcome_kinds_.push_back(it->second);
      (row.fields[2] == "after" ? lex->outcome_after_ : lex->outcome_before_).Add(row.fields[0], value);
    }
  }

  // Actors: nouns, then organisations, then titles (which share the entry type).
  if (Status s = LoadActors(embedded::kActorNounsTsv, "data/actors/actor_nouns.tsv", false, &lex->actors_,
                            &lex->actor_matcher_, &lex->generated_);
      !s.ok())
    return s;
  if (Status s = LoadActors(embedded::kOrganizationsTsv, "data/actors/organizations.tsv", true, &lex->actors_,
                            &lex->actor_matcher_, &lex->generated_);
      !s.ok())
    return s;
  {
    constexpr std::string_view kFile = "data/actors/titles.tsv";
    Result<TsvTable> table = ParseTsv(embedded::kTitlesTsv, kFile, 3);
    if (!table.ok()) return table.status();
    for (const TsvTable::Row& row : table.value().rows) {
      ActorEntry entry;
      entry.phrase = row.fields[0];
      const auto kind = ActorKindFromString(row.fields[1]);
      if (!kind) return RowError(kFile, row, "unknown actor kind '" + std::string(row.fields[1]) + "'");
      entry.kind = *kind;
      entry.sector = Dash(row.fields[2]);
      entry.state = entry.sector == "GOV" || entry.sector == "MIL" || entry.sector == "COP" ||
                    entry.sector == "JUD" || entry.sector == "LEG";
      lex->title_matcher_.Add(entry.phrase, static_cast<uint32_t>(lex->actors_.size()));
      lex->actors_.push_back(entry);
    }
  }
  {
    constexpr std::string_view kFile = "data/actors/actor_kinds.tsv";
    Result<TsvTable> table = ParseTsv(embedded::kActorKindsTsv, kFile, 5);
    if (!table.ok()) return table.status();
    std::array<bool, kActorKindCount> seen{};
    for (const TsvTable::Row& row : table.value().rows) {
      const auto kind = ActorKindFromString(row.fields[0]);
      if (!kind) return RowError(kFile, row, "unknown actor kind '" + std::string(row.fields[0]) + "'");
      if (seen[static_cast<size_t>(*kind)]) return RowError(kFile, row, "a second row for this kind");
      seen[static_cast<size_t>(*kind)] = true;
      for (size_t c = 1; c < 5; ++c)
        if (row.fields[c] != "0" && row.fields[c] != "1") return RowError(kFile, row, "a property must be 0 or 1");
      ActorKindProperties& p = lex->kinds_[static_cast<size_t>(*kind)];
      p.crowd = row.fields[1] == "1";
      p.security = row.fields[2] == "1";
      p.observer = row.fields[3] == "1";
      p.local = row.fields[4] == "1";
    }
    for (size_t k = 0; k < seen.size(); ++k)
      if (!seen[k])
        return Status(ErrorCode::kCorruptResource, std::string(kFile) + ": no row for the actor kind '" +
                                                       std::string(ToString(static_cast<ActorKind>(k))) + "'");
  }
  return lex;
}

bool Lexicons::IsKillingWord(const text::Document& doc, uint32_t i) const {
  thread_local std::vector<PhraseMatcher::Match> matches;
  matches.clear();
  outcome_after_.MatchAt(doc, i, static_cast<uint32_t>(doc.tokens.size()), &matches);
  outcome_before_.MatchAt(doc, i, static_cast<uint32_t>(doc.tokens.size()), &matches);
  for (const PhraseMatcher::Match& m : matches)
    if (outcome_kinds_[m.value] == OutcomeKind::kKilled) return true;
  return false;
}

uint32_t Lexicons::ClassesOfWord(std::string_view key) const {
  const uint32_t* classes = classes_.Find(key);
  return classes ? *classes : 0;
}

uint32_t Lexicons::ClassesOf(const text::Document& doc, uint32_t i) const {
  const std::string_view key = doc.Key(i);
  uint32_t classes = ClassesOfWord(key);
  // A modal written with a capital is a name or a month ("Theresa May said", "on 1 May
  // 2020", "May 3 rallies"): inside a sentence, or at its start before a number.
  if ((classes & kModal) && doc.tokens[i].Is(text::kCapitalized) && !doc.tokens[i].Is(text::kAllCaps)) {
    const bool before_number = i + 1 < doc.tokens.size() && doc.tokens[i + 1].Is(text::kNumeric);
    if (!doc.tokens[i].Is(text::kSentenceStart) || before_number) return 0;
  }
  const std::string_view lemma = doc.Lemma(i);
  // Verbs that carry a class by their lemma (said -> say: report; tried -> try: attempt).
  if (lemma != key)
    classes |= ClassesOfWord(lemma) &
               (kReport | kAttempt | kPlan | kThreat | kDeny | kBe | kAux | kIntent | kRefuse | kGrievance);
  return classes;
}

}  // namespace annals::extract
