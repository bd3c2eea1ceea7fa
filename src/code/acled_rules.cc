// The ACLED sub-event rules.
//
// ACLED codes an event by what happened and who took part. The trigger lexicon
// gives each event a default sub-event type (data/events/triggers.tsv); these rules
// refine it with the cues found in the event's sentences (data/events/cues.tsv) and
// the kinds of its actors, in this order:
//
//  1. Verbal events (no default) are not ACLED events; agreements and ceasefires are
//     Strategic developments / Agreement.
//  2. Violence (PLOVER ASSAULT):
//     a. crude bombs or firebombs thrown by people who are no armed group are a
//        Riot ("Violent demonstration" in a protest, else "Mob violence"); otherwise
//        the weapon decides first when the trigger is not a ground fight: suicide
//        bombing; chemical weapon; aircraft or drones; artillery, rockets,
//        missiles; planted explosives; grenades (heavy weapons or grenades fired with
//        small arms, or thrown, at soldiers' positions make a fight instead);
//     b. sexual violence; abduction;
//     c. territory taken (a trigger such as "took control of", "recaptured"): by a
//        state's forces or with words of recovery "Government regains territory",
//        else "Non-state actor overtakes territory";
//     d. a fight ("clash", "exchange of fire", guns fired at soldiers' positions) or
//        an attack on armed men or their positions between armed sides is a Battle /
//        Armed clash, even with heavy weapons; a crowd (protesters, rioters,
//        residents, migrants) fighting police or soldiers is a Riot: "Violent
//        demonstration" when it is a protest, else "Mob violence"; two unarmed
//        groups (or party members) fighting is "Mob violence";
//     e. an attack by a crowd (protesters, rioters, or civilians in numbers: five or
//        more, or a plural without a count), or by a few people without guns, is a
//        Riot; gunfire with no side named and no one hurt is an Armed clash; any
//        other attack on unarmed people is Violence against civilians / Attack.
//  3. Protests (PLOVER PROTEST): a crowd that uses violence (stones, fire,
//     vandalism, clashes, riot words) makes a "Violent demonstration" (a mob without
//     a protest: "Mob violence"); deaths or live fire against the crowd make
//     "Excessive force against protesters"; security forces acting against it (tear
//     gas, dispersal, arrests) make "Protest with intervention"; otherwise
//     "Peaceful protest".
//  4. Coercion (PLOVER COERCE): arrests are "Arrests"; tear gas and dispersal
//     belong to the crowd event they answer ("Protest with intervention", or
//     "Violent demonstration" when the crowd is violent), and used on people who
//     were not protesting they are Violence against civilians / Attack; weapons found or
//     defused are "Disrupted weapons use"; seizure by a state's agents (a search,
//     a confiscation) is "Other"; destruction by an unarmed crowd is a Riot ("Violent
//     demonstration" in a protest, else "Mob violence"); other seizure, looting and
//     destruction are "Looting/property destruction"; other coercion is "Other".
//  5. Mobilisation: a base or headquarters set up, else "Change to group/activity";
//     retreat and withdrawal: "Non-violent transfer of territory"; aid given by an
//     armed non-state group (a cartel handing out food): "Change to group/activity".
#include "code/acled_rules.h"

#include <unordered_map>

#include "core/tsv.h"
#include "extract/lexicons.h"

namespace annals::embedded {
extern const std::string_view kAcledTypesTsv;
}

namespace annals::code {
namespace {

using extract::Cue;
using extract::CueBit;

bool Has(const EventDraft& d, Cue cue) { return (d.cues & CueBit(cue)) != 0; }

struct Sides {
  bool mob = false;  // a crowd: protesters or rioters, or civilians in numbers
  bool non_state_armed = false;  // rebels, militias, armed gangs
  bool plural = false;
  bool armed = false, crowd = false, security = false, protesters = false, rioters = false, any = false;
  bool state_armed = false;
  bool unarmed = false;  // someone without arms: a crowd, a person, an unnamed group
  bool party = false;    // someone other than an observer (an IGO, NGO or the media)
};

Sides Read(const std::vector<DraftActor>& actors, const std::vector<DraftActor>& more = {}) {
  Sides s;
  std::vector<const DraftActor*> everyone;
  for (const DraftActor& a : actors) everyone.push_back(&a);
  for (const DraftActor& a : more) everyone.push_back(&a);
  for (const DraftActor* ap : everyone) {
    const DraftActor& a = *ap;
    s.any = true;
    const ActorKind kind = a.actor.kind;
    s.party |= !a.observer;
    s.armed |= a.armed;
    s.crowd |= a.crowd && !a.armed;
    s.security |= a.security;
    s.state_armed |= a.security || (a.state && a.armed);
    s.protesters |= kind == ActorKind::kProtesters;
    s.rioters |= kind == ActorKind::kRioters;
    // (Party members fighting are no armed group: ACLED's mob violence.)
    s.unarmed |= !a.armed && (a.crowd || kind == ActorKind::kUnknown || kind == ActorKind::kPerson ||
                              kind == ActorKind::kParty);
    s.non_state_armed |= a.armed && !a.security && !a.state;
    s.plural |= a.plural;
    s.mob |= !a.armed && (kind == ActorKind::kProtesters || kind == ActorKind::kRioters ||
                          (a.crowd && a.plural && a.actor.count.value_or(10) >= 5));
  }
  return s;
}

AcledType Make(std::string_view sub) { return AcledType{std::string(AcledEventType(sub)), std::string(sub)}; }

bool IsRemote(std::string_view sub) {
  return sub == "Air/drone strike" || sub == "Shelling/artillery/missile attack" ||
         sub == "Remote explosive/landmine/IED" || sub == "Grenade" || sub == "Suicide bomb" || sub == "Chemical weapon";
}

// The weapon a violent event used, from its trigger and cues (rule 2a).
// In a ground fight only a suicide bombing or a chemical weapon makes the event
// remote. A trigger that names a remote weapon ("airstrike", "shelling") decides
// next; when guns were fired directly, weapon words elsewhere in the sentence do not.
// An explosion of unknown cause is an IED only when the text says the device was
// planted; among soldiers' positions, or explosions in numbers, it is shelling.
std::string_view WeaponSub(const EventDraft& d, bool ground_fight, bool direct_fire) {
  if (Has(d, Cue::kSuicide)) return "Suicide bomb";
  if (d.default_acled_sub == "Chemical weapon") return "Chemical weapon";
  if (ground_fight) return {};
  const std::string_view sub = d.default_acled_sub;
  // Small arms fired with the heavy weapons at soldiers' positions ("fired mortars,
  // grenade launchers and small arms at the positions of"): a fight, not a remote attack.
  if (direct_fire && Has(d, Cue::kMilitary) && sub != "Air/drone strike" && !Has(d, Cue::kAir)) return {};
  if (IsRemote(sub) && sub != "Remote explosive/landmine/IED") return sub;
  if (direct_fire) return {};
  if (Has(d, Cue::kAir)) return "Air/drone strike";
  if (Has(d, Cue::kShell)) return "Shelling/artillery/missile attack";
  if (Has(d, Cue::kGrenade) && !Has(d, Cue::kMilitary)) return "Grenade";  // at a post: a fight
  if (Has(d, Cue::kIed)) return "Remote explosive/landmine/IED";
  // An explosion: among soldiers' positions, or explosions in numbers ("a total of 24
  // explosions"), incoming fire; otherwise a planted device.
  if (sub == "Remote explosive/landmine/IED" || Has(d, Cue::kBlast))
    return Has(d, Cue::kMilitary) || d.trigger.ends_with("explosions") ? "Shelling/artillery/missile attack"
                                                                         : "Remote explosive/landmine/IED";
  return {};
}

std::optional<AcledType> Violence(const EventDraft& d, const AcledContext& ctx, std::string* why) {
  const std::string_view sub = d.default_acled_sub;
  const bool ground_fight = sub == "Armed clash" || Has(d, Cue::kFight) || Has(d, Cue::kCommunal);
  const Sides src = Read(d.source), tgt = Read(d.target);
  const bool protest_context = src.protesters || tgt.protesters || ctx.protest_in_article;
  // 2a. A crude bomb or firebomb thrown by people who are no armed group (a crowd,
  // party men, "unidentified men") is a riot's weapon, as a Molotov cocktail is.
  if (Has(d, Cue::kCrude) && src.any && !src.armed && !Has(d, Cue::kSuicide)) {
    *why = protest_context ? "crude bombs thrown by unarmed people, in a protest" : "crude bombs thrown by unarmed people";
    return Make(protest_context ? "Violent demonstration" : "Mob violence");
  }
  // Weapons: heavy weapons fired in a fight make a battle, not a remote attack.
  if (std::string_view weapon = WeaponSub(d, ground_fight, Has(d, Cue::kFirearms)); !weapon.empty()) {
    *why = "weapon: " + std::string(weapon);
    return Make(weapon);
  }
  // 2b. Sexual violence, abduction.
  if (sub == "Sexual violence" || Has(d, Cue::kSexual)) {
    *why = "sexual violence";
    return Make("Sexual violence");
  }
  // (Hostages freed from armed men are no abduction by those who freed them.)
  if (sub == "Abduction/forced disappearance" || (Has(d, Cue::kAbduct) && !ground_fight && !tgt.armed)) {
    *why = "abduction";
    return Make("Abduction/forced disappearance");
  }
  // 2c. Territory.
  if (sub == "Government regains territory" || sub == "Non-state actor overtakes territory") {
    if (src.state_armed || Has(d, Cue::kRegain)) {
      *why = "territory taken by a state's forces";
      return Make("Government regains territory");
    }
    *why = "territory taken by a non-state group";
    return Make("Non-state actor overtakes territory");
  }
  // In a fight both sides are participants, whichever the grammar made the source
  // ("a clash between demonstrators and police" may list both as targets).
  const Sides all = Read(d.source, d.target);
  // (Unarmed people on the receiving end of security forces are a crowd only in
  // numbers: two civilians killed in crossfire are victims, not a side.)
  const bool crowd_vs_security = (src.unarmed && tgt.security) || (tgt.mob && src.security) ||
                                 (all.mob && all.security && !all.non_state_armed);
  // 2d. Fights.
  if (ground_fight && src.armed && tgt.armed) {
    *why = "armed sides fighting";
    return Make("Armed clash");
  }
  if (ground_fight || sub == "Mob violence") {
    // (An unarmed group fighting with no other side named fights among itself; not a
    // fight told below another event: "families fled during the fighting".)
    if (crowd_vs_security || (src.unarmed && !src.armed && tgt.unarmed && !tgt.armed) || sub == "Mob violence" ||
        src.rioters || tgt.rioters || (src.unarmed && !src.armed && !tgt.any && !d.subordinate && !d.background)) {
      if (protest_context && (crowd_vs_security || src.protesters || tgt.protesters)) {
        *why = "a crowd fighting, in a protest";
        return Make("Violent demonstration");
      }
      *why = "a crowd or unarmed groups fighting";
      return Make("Mob violence");
    }
    if (Has(d, Cue::kCommunal)) {
      *why = "communal militias fighting";
      return Make("Armed clash");
    }
    if (Has(d, Cue::kMob) && !src.armed && !tgt.armed) {
      *why = "communal fighting";
      return Make("Mob violence");
    }
    if (src.armed || tgt.armed || !tgt.unarmed) {
      *why = "armed sides fighting";
      return Make("Armed clash");
    }
    // Violence against unarmed people, by unknown hands, during unrest.
    if (protest_context) {
      *why = "unarmed people hurt in a protest's violence";
      return Make("Violent demonstration");
    }
    *why = "an attack on unarmed people during a fight";
    return Make("Attack");
  }
  // 2e. Attacks. A crowd's attack is a riot; so is an attack without guns by a few
  // people who belong to no organisation ("three men attacked a family"); gunmen
  // shooting are no mob.
  const bool few_unarmed = src.unarmed && src.plural && !src.armed && !Has(d, Cue::kFirearms);
  if ((src.mob || few_unarmed) && !src.armed) {
    if (protest_context && src.protesters) {
      *why = "an attack by protesters";
      return Make("Violent demonstration");
    }
    *why = "an attack by a crowd";
    return Make("Mob violence");
  }
  if (tgt.armed && (src.armed || !src.any) && !tgt.crowd) {
    *why = "an attack on armed men";
    return Make("Armed clash");
  }
  if (Has(d, Cue::kMilitary) && !tgt.unarmed && (src.armed || !src.any)) {
    *why = "an attack on military positions";
    return Make("Armed clash");
  }
  if (tgt.protesters && src.security) {
    *why = "security forces attacking protesters";
    return Make("Excessive force against protesters");
  }
  // Shots with no one named on either side (monitors who saw them are no side) and no
  // one hurt ("bursts of fire near the village"): an exchange between armed sides, not
  // an attack on anyone.
  if (!src.party && !tgt.party && !d.outcome.killed && !d.outcome.injured && !d.outcome.hospitalized &&
      Has(d, Cue::kFirearms)) {
    *why = "shots with no side named and no one hurt";
    return Make("Armed clash");
  }
  *why = "an attack on unarmed people";
  return Make("Attack");
}

std::optional<AcledType> Protest(const EventDraft& d, std::string* why) {
  const Sides src = Read(d.source);
  const bool riot_words = d.mode == "riot" || Has(d, Cue::kViolentCrowd);
  if (riot_words) {
    if (d.default_acled_sub == "Mob violence" && !src.protesters) {
      *why = "a mob's violence";
      return Make("Mob violence");
    }
    *why = "the crowd used violence";
    return Make("Violent demonstration");
  }
  if (Has(d, Cue::kExcessive) || (d.outcome.killed && *d.outcome.killed > 0)) {
    *why = "lethal force against the crowd";
    return Make("Excessive force against protesters");
  }
  if (Has(d, Cue::kIntervene) || (d.outcome.arrested && *d.outcome.arrested > 0)) {
    *why = "security forces intervened";
    return Make("Protest with intervention");
  }
  *why = "no violence and no intervention reported";
  return Make("Peaceful protest");
}

std::optional<AcledType> Coerce(const EventDraft& d, const AcledContext& ctx, std::string* why) {
  const Sides tgt = Read(d.target);
  if (d.mode == "arrest") {
    *why = "arrests";
    return Make("Arrests");
  }
  if (d.mode == "repression") {
    if (Has(d, Cue::kExcessive) || (d.outcome.killed && *d.outcome.killed > 0)) {
      *why = "lethal force against a crowd";
      return Make("Excessive force against protesters");
    }
    if (Has(d, Cue::kViolentCrowd) && !tgt.protesters) {
      *why = "force against a violent crowd";
      return Make("Violent demonstration");
    }
    if (!ctx.protest_in_article && !tgt.protesters) {
      *why = "force against people who were not protesting";
      return Make("Attack");
    }
    *why = "force against a crowd";
    return Make("Protest with intervention");
  }
  if (d.default_acled_sub == "Disrupted weapons use" || Has(d, Cue::kDisrupt)) {
    *why = "weapons found, seized or defused";
    return Make("Disrupted weapons use");
  }
  if (d.mode == "seize" || d.mode == "destroy") {
    if (d.default_acled_sub == "Other") {
      *why = "eviction or clearance";
      return Make("Other");
    }
    bool by_state = false;
    for (const DraftActor& a : d.source) by_state |= a.state;
    if (by_state && d.mode == "seize") {
      *why = "property seized by the state's agents";
      return Make("Other");
    }
    // A crowd burning or wrecking things riots (ACLED: "Mob violence", or "Violent
    // demonstration" when it protests); armed groups and unknown hands loot or destroy.
    const Sides src = Read(d.source);
    if (d.mode == "destroy" && (src.mob || src.rioters || src.protesters) && !src.armed) {
      const bool protest = src.protesters || ctx.protest_in_article;
      *why = protest ? "a protesting crowd destroying property" : "a crowd destroying property";
      return Make(protest ? "Violent demonstration" : "Mob violence");
    }
    *why = "property seized or destroyed";
    return Make("Looting/property destruction");
  }
  if (d.mode == "raid") {
    if (Has(d, Cue::kArrest)) {
      *why = "a raid with arrests";
      return Make("Arrests");
    }
    if (d.outcome.killed && *d.outcome.killed > 0) {
      *why = "a deadly raid";
      return Make("Attack");
    }
  }
  if (d.default_acled_sub.empty()) return std::nullopt;
  *why = "other coercion";
  return Make("Other");
}

}  // namespace

std::string_view AcledEventType(std::string_view sub_event_type) {
  static const std::unordered_map<std::string_view, std::string_view> kTypes = [] {
    std::unordered_map<std::string_view, std::string_view> types;
    Result<TsvTable> table = ParseTsv(embedded::kAcledTypesTsv, "data/events/acled_types.tsv", 2);
    if (table.ok())
      for (const TsvTable::Row& row : table.value().rows) types.emplace(row.fields[0], row.fields[1]);
    return types;
  }();
  auto it = kTypes.find(sub_event_type);
  return it == kTypes.end() ? std::string_view() : it->second;
}

std::optional<AcledType> ChooseAcled(const EventDraft& d, const AcledContext& context, std::string* why) {
  // An armed group handing out food or aid changes what it does: ACLED records it.
  if (d.type == EventType::kAid && Read(d.source).non_state_armed) {
    *why = "an armed group giving aid";
    return Make("Change to group/activity");
  }
  if (d.default_acled_sub.empty()) {
    *why = "a verbal event: ACLED does not record it";
    return std::nullopt;
  }
  switch (d.type) {
    case EventType::kAssault:
      return Violence(d, context, why);
    case EventType::kProtest:
      return Protest(d, why);
    case EventType::kCoerce:
      return Coerce(d, context, why);
    case EventType::kMobilize:
      if (Has(d, Cue::kBase) || d.default_acled_sub == "Headquarters or base established") {
        *why = "a base or headquarters set up";
        return Make("Headquarters or base established");
      }
      *why = "forces moved or mobilised";
      return Make("Change to group/activity");
    default:
      *why = "the trigger's default";
      return Make(d.default_acled_sub);
  }
}

}  // namespace annals::code
