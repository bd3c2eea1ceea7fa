#include "text/abbreviations.h"

#include "core/tsv.h"

namespace annals::embedded {
extern const std::string_view kAbbreviationsTsv;
extern const std::string_view kSentenceStartersTsv;
}  // namespace annals::embedded

namespace annals::text {

Result<std::unique_ptr<Abbreviations>> Abbreviations::Load() {
  auto lexicon = std::make_unique<Abbreviations>();
  Result<TsvTable> kinds = ParseTsv(embedded::kAbbreviationsTsv, "data/text/abbreviations.tsv", 2);
  if (!kinds.ok()) return kinds.status();
  for (const TsvTable::Row& row : kinds.value().rows) {
    const std::string_view kind = row.fields[1];
    AbbreviationKind k = kind == "title" ? AbbreviationKind::kTitle
                         : kind == "month" ? AbbreviationKind::kMonth
                         : kind == "state" ? AbbreviationKind::kState
                         : kind == "other" ? AbbreviationKind::kOther
                                           : AbbreviationKind::kNone;
    if (k == AbbreviationKind::kNone)
      return Status(ErrorCode::kCorruptResource, "data/text/abbreviations.tsv:" + std::to_string(row.line) +
                                                     ": unknown kind '" + std::string(kind) + "'");
    lexicon->kinds_.emplace(row.fields[0], k);
  }
  Result<TsvTable> starters = ParseTsv(embedded::kSentenceStartersTsv, "data/text/sentence_starters.tsv", 1);
  if (!starters.ok()) return starters.status();
  for (const TsvTable::Row& row : starters.value().rows) lexicon->starters_.insert(row.fields[0]);
  return lexicon;
}

AbbreviationKind Abbreviations::Find(std::string_view key) const {
  auto it = kinds_.find(key);
  return it == kinds_.end() ? AbbreviationKind::kNone : it->second;
}

bool Abbreviations::IsSentenceStarter(std::string_view key) const { return starters_.count(key) > 0; }

}  // namespace annals::text
