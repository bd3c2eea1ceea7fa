// The lexicons of the extract and code stages (data/events, data/actors,
// data/extract), loaded once from the copies embedded in the binary.
#ifndef ANNALS_EXTRACT_LEXICONS_H_
#define ANNALS_EXTRACT_LEXICONS_H_

#include <array>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/annals.h"
#include "extract/phrase_matcher.h"

namespace annals::extract {

// Closed word classes (data/extract/word_classes.tsv); a word may have several.
enum WordClass : uint32_t {
  kDet = 1u << 0,
  kQuant = 1u << 1,
  kPrep = 1u << 2,
  kConj = 1u << 3,
  kSub = 1u << 4,
  kRel = 1u << 5,
  kPron = 1u << 6,
  kBe = 1u << 7,
  kAux = 1u << 8,
  kModal = 1u << 9,
  kNeg = 1u << 10,
  kReport = 1u << 11,
  kAttempt = 1u << 12,
  kPlan = 1u << 13,
  kThreat = 1u << 14,
  kHypo = 1u << 15,
  kDeny = 1u << 16,
  kGrievance = 1u << 17,
  kIntent = 1u << 18,
  kOblige = 1u << 19,
  kRefuse = 1u << 20,
  kSettlement = 1u << 21,
};

enum class OutcomeKind : uint8_t { kKilled, kInjured, kHospitalized, kArrested, kDisplaced, kParticipants };

// kStatement: a reporting verb ("said", "told", "tweeted") that is an event only when
// the statement it reports holds a word of data/events/statement_words.tsv of the
// entry's type ("said the plan was a shambles": DISAPPROVE); FindStatementEvents reads
// these, FindTriggers never does.
enum class TriggerPos : uint8_t { kVerb, kNoun, kAny, kStatement };
enum class RoleFrame : uint8_t { kSvo, kSymmetric, kUndergo, kNone };

struct TriggerEntry {
  std::string_view pattern;
  TriggerPos pos = TriggerPos::kAny;
  EventType type = EventType::kConsult;
  std::string_view mode;        // empty when none
  std::string_view cameo;
  std::string_view acled_sub;   // empty for events ACLED does not record
  float weight = 0.5f;
  RoleFrame roles = RoleFrame::kSvo;
  int line = 0;                 // line in triggers.tsv, for explanations
  bool blocker = false;         // type "-": words that are no event and hide the triggers inside them
};

struct ActorEntry {
  std::string_view phrase;
  ActorKind kind = ActorKind::kUnknown;
  std::string_view sector;      // empty when none
  std::string_view country;     // alpha-3, empty when none (organisations only)
  bool armed = false;
  bool state = false;
  bool organisation = false;    // a proper name (organizations.tsv) rather than a noun
  bool short_name = false;      // three letters or fewer: must be written in capitals
};

// What a kind of actor is (data/actors/actor_kinds.tsv).
struct ActorKindProperties {
  bool crowd = false;     // members of the public who gather, march, riot or are dispersed
  bool security = false;  // the state's armed forces
  bool observer = false;  // reports, monitors or mediates rather than takes part
  bool local = false;     // belongs to the country where it acts unless the text says otherwise
};

// Context cues for the ACLED sub-event rules (data/events/cues.tsv).
enum class Cue : uint8_t {
  kAir, kShell, kIed, kSuicide, kGrenade, kChemical, kSexual, kAbduct, kRegain, kOvertake, kTransfer,
  kIntervene, kExcessive, kViolentCrowd, kPeaceful, kLoot, kArrest, kDisrupt, kBase, kAgreement,
  kReinforce, kChange, kMob, kFight, kWeapon, kProperty, kMilitary, kFirearms, kCommunal, kBlast,
  kCrude,
  kCount,
};
using CueSet = uint32_t;  // bit i set when Cue(i) is present
inline constexpr CueSet CueBit(Cue cue) { return 1u << static_cast<uint32_t>(cue); }

class Lexicons {
 public:
  static Result<std::unique_ptr<Lexicons>> Load();

  // The word classes of token i (by key, and for verbs by lemma).
  uint32_t ClassesOf(const text::Document& doc, uint32_t i) const;
  uint32_t ClassesOfWord(std::string_view key) const;

  const PhraseMatcher& trigger_matcher() const { return trigger_matcher_; }
  const TriggerEntry& trigger(uint32_t i) const { return triggers_[i]; }

  // Actor nouns and organisation names share one matcher; values index actors().
  const PhraseMatcher& actor_matcher() const { return actor_matcher_; }
  const ActorEntry& actor(uint32_t i) const { return actors_[i]; }

  // Titles before personal names; values index actors() (kind and sector only).
  const PhraseMatcher& title_matcher() const { return title_matcher_; }

  const PhraseMatcher& cue_matcher() const { return cue_matcher_; }

  const ActorKindProperties& kind(ActorKind k) const { return kinds_[static_cast<size_t>(k)]; }

  // Words inside a reported statement that make it an event of a type
  // (data/events/statement_words.tsv); values index statement_type().
  const PhraseMatcher& statement_matcher() const { return statement_matcher_; }
  EventType statement_type(uint32_t i) const { return statement_types_[i]; }

  // Outcome phrases (data/extract/outcome_words.tsv) that follow or precede a number;
  // values index outcome_kind().
  const PhraseMatcher& outcome_after_matcher() const { return outcome_after_; }
  const PhraseMatcher& outcome_before_matcher() const { return outcome_before_; }
  OutcomeKind outcome_kind(uint32_t i) const { return outcome_kinds_[i]; }
  // Whether token i starts a word or phrase that tells deaths ("killed", "shot dead").
  bool IsKillingWord(const text::Document& doc, uint32_t i) const;
  Cue cue(uint32_t i) const { return cues_[i]; }

 private:
  WordMap classes_;  // word -> WordClass bits
  std::vector<TriggerEntry> triggers_;
  PhraseMatcher trigger_matcher_;
  std::vector<ActorEntry> actors_;
  std::deque<std::string> generated_;  // derived phrases ("pro-houthi"), owned here
  PhraseMatcher actor_matcher_;
  PhraseMatcher title_matcher_;
  std::vector<Cue> cues_;
  std::array<ActorKindProperties, kActorKindCount> kinds_{};
  PhraseMatcher cue_matcher_;
  std::vector<EventType> statement_types_;
  PhraseMatcher statement_matcher_;
  std::vector<OutcomeKind> outcome_kinds_;
  PhraseMatcher outcome_after_;
  PhraseMatcher outcome_before_;
};

}  // namespace annals::extract

#endif  // ANNALS_EXTRACT_LEXICONS_H_
