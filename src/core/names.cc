// The words of the output contract (spec/EVENTS.md) for each enum of the public header.
#include <array>

#include "annals/annals.h"

namespace annals {
namespace {

constexpr std::array<std::string_view, kActorKindCount> kActorKindNames = {
    "police", "military", "government", "migrants", "refugees", "protesters", "rioters", "civilians",
    "rebels", "militia", "criminals", "media", "judiciary", "party", "ngo", "igo", "business", "labor",
    "students", "health", "religious", "person", "unknown"};

constexpr std::array<std::string_view, kEventTypeCount> kEventTypeNames = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT"};

}  // namespace

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidJson: return "invalid_json";
    case ErrorCode::kMissingText: return "missing_text";
    case ErrorCode::kInvalidUtf8: return "invalid_utf8";
    case ErrorCode::kInvalidField: return "invalid_field";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kMissingResource: return "missing_resource";
    case ErrorCode::kCorruptResource: return "corrupt_resource";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kDuplicateId: return "duplicate_id";
  }
  return "unknown";
}

std::string_view ToString(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kAdmin1: return "admin1";
    case PlaceKind::kAdmin2: return "admin2";
    case PlaceKind::kCity: return "city";
    case PlaceKind::kSublocation: return "sublocation";
    case PlaceKind::kDemonym: return "demonym";
    case PlaceKind::kUnresolved: return "unresolved";
  }
  return "unresolved";
}

std::string_view ToString(LocationPrecision precision) {
  switch (precision) {
    case LocationPrecision::kSublocation: return "sublocation";
    case LocationPrecision::kCity: return "city";
    case LocationPrecision::kAdmin2: return "admin2";
    case LocationPrecision::kAdmin1: return "admin1";
    case LocationPrecision::kCountry: return "country";
  }
  return "country";
}

std::string_view ToString(ActorKind kind) { return kActorKindNames[static_cast<size_t>(kind)]; }

std::string_view ToString(EventType type) { return kEventTypeNames[static_cast<size_t>(type)]; }

std::string_view ToString(EventStatus status) {
  switch (status) {
    case EventStatus::kOccurred: return "occurred";
    case EventStatus::kAttempted: return "attempted";
    case EventStatus::kPlanned: return "planned";
    case EventStatus::kThreatened: return "threatened";
    case EventStatus::kDenied: return "denied";
    case EventStatus::kHypothetical: return "hypothetical";
  }
  return "occurred";
}

std::string_view ToString(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kWeek: return "week";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kArticle: return "article";
  }
  return "article";
}

std::optional<ActorKind> ActorKindFromString(std::string_view word) {
  for (size_t i = 0; i < kActorKindNames.size(); ++i)
    if (kActorKindNames[i] == word) return static_cast<ActorKind>(i);
  return std::nullopt;
}

std::optional<EventType> EventTypeFromString(std::string_view word) {
  for (size_t i = 0; i < kEventTypeNames.size(); ++i)
    if (kEventTypeNames[i] == word) return static_cast<EventType>(i);
  return std::nullopt;
}

std::string_view Version() { return "0.1.0"; }

}  // namespace annals
