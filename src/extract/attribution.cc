// FindAttributions and FindQuotes: who the article says reported what, and the
// quoted words with their speakers.
//
// Attribution comes from "according to X", "as reported by X", "X said/reported/
// claimed/announced ..." and the inverted ", said X." X is the actor phrase the
// extract stage found there, else the capitalised name there, else the words up to
// the clause's end; a descriptive lead-in before a name is dropped ("the French news
// outlet France Bleu" -> "France Bleu"). Passive reports ("it was reported") name no
// one. A quotation's speaker is the phrase directly before its opening mark ("the
// prefecture “strongly condemns ...”"), else the attribution of its sentence.
#include "extract/steps.h"

namespace annals::extract {
namespace {

constexpr uint32_t kMaxWhoTokens = 10;
constexpr uint32_t kMaxQuoteTokens = 150;

bool IsStop(const text::Document& doc, uint32_t i) {
  const std::string_view key = doc.Key(i);
  return doc.tokens[i].Is(text::kPunct) && key != "-" && key != "'" && key != "&";
}

// The attribution text for tokens [first, end): an actor phrase or name there.
std::string WhoText(const ExtractContext& ctx, uint32_t first, uint32_t end) {
  const text::Document& doc = ctx.doc;
  if (first >= end) return {};
  // A trailing capitalised name after lower-case words: keep the name.
  uint32_t name_first = end;
  while (name_first > first && (doc.tokens[name_first - 1].Is(text::kCapitalized) ||
                                doc.tokens[name_first - 1].Is(text::kAllCaps) ||
                                doc.Key(name_first - 1) == "of" || doc.Key(name_first - 1) == "-"))
    --name_first;
  while (name_first < end && doc.Key(name_first) == "of") ++name_first;
  const bool has_lower_before = name_first > first && !doc.tokens[first].Is(text::kCapitalized);
  if (name_first < end && has_lower_before && name_first - first >= 2) return std::string(doc.SpanText(name_first, end));
  return std::string(doc.SpanText(first, end));
}

void Add(ExtractContext& ctx, uint32_t sentence, uint32_t first, uint32_t end) {
  if (first >= end) return;
  std::string who = WhoText(ctx, first, end);
  if (who.empty()) return;
  for (const Attribution& a : ctx.out.AttributionsOf(sentence))
    if (a.who == who) return;
  ctx.out.attributions.push_back(Attribution{std::move(who), sentence, first, end});
}

// The extent of the phrase that ends right before token `verb` (its subject).
bool SubjectBefore(const ExtractContext& ctx, uint32_t verb, uint32_t sentence_first, uint32_t* first,
                   uint32_t* end) {
  uint32_t j = verb;
  // Auxiliaries between: "has said", "had told".
  while (j > sentence_first && (ctx.lex.ClassesOf(ctx.doc, j - 1) & (kAux | kModal)) &&
         !(ctx.lex.ClassesOf(ctx.doc, j - 1) & kBe))
    --j;
  if (j == sentence_first) return false;
  const int actor = ctx.out.actor_at[j - 1];
  if (actor >= 0) {
    const ActorPhrase& phrase = ctx.out.actors[static_cast<size_t>(actor)];
    *first = phrase.first;
    *end = phrase.end;
    return true;
  }
  // A capitalised name.
  uint32_t k = j;
  while (k > sentence_first && (ctx.doc.tokens[k - 1].Is(text::kCapitalized) || ctx.doc.tokens[k - 1].Is(text::kAllCaps)))
    --k;
  if (k < j) {
    if (k > sentence_first && (ctx.lex.ClassesOf(ctx.doc, k - 1) & kDet)) --k;
    *first = k;
    *end = j;
    return true;
  }
  // A short noun phrase with its determiner ("the union leader", "one witness").
  for (k = j; k > sentence_first && j - k < 4; --k) {
    const uint32_t classes = ctx.lex.ClassesOf(ctx.doc, k - 1);
    if (classes & kDet || ctx.doc.Key(k - 1) == "one") {
      if (k < j) {
        *first = k - 1;
        *end = j;
        return true;
      }
      return false;
    }
    if (classes != 0 || !ctx.doc.tokens[k - 1].Is(text::kWord)) return false;
  }
  return false;
}

}  // namespace

void FindAttributions(ExtractContext& ctx, uint32_t sentence_index) {
  const text::Document& doc = ctx.doc;
  const text::Sentence& s = doc.sentences[sentence_index];
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    const std::string_view key = doc.Key(i);
    // "according to X", "as reported by X".
    const bool according = key == "according" && i + 1 < s.end_token && doc.Key(i + 1) == "to";
    const bool reported_by = (key == "reported" || key == "claimed" || key == "confirmed") && i + 1 < s.end_token &&
                             doc.Key(i + 1) == "by" && i > s.first_token && doc.Key(i - 1) == "as";
    if (according || reported_by) {
      const uint32_t first = i + 2;
      uint32_t end = first;
      while (end < s.end_token && end - first < kMaxWhoTokens && !IsStop(doc, end) &&
             !(ctx.lex.ClassesOf(doc, end) & (kSub | kRel)))
        ++end;
      Add(ctx, sentence_index, first, end);
      i = end;
      continue;
    }
    if (!(ctx.lex.ClassesOf(doc, i) & kReport) || key == "according" || key == "reportedly") continue;
    if (doc.tokens[i].Is(text::kWord) && doc.Lemma(i) == "state" && !doc.Key(i).ends_with("ed")) continue;
    if (i > s.first_token && (ctx.lex.ClassesOf(doc, i - 1) & kBe)) continue;  // "was reported"
    if (ctx.out.trigger_at[i] >= 0) continue;
    // "X said": the phrase before the verb.
    uint32_t first, end;
    if (SubjectBefore(ctx, i, s.first_token, &first, &end)) {
      Add(ctx, sentence_index, first, end);
      continue;
    }
    // ", said X." / "said X": the phrase after the verb.
    if (i + 1 < s.end_token) {
      const int actor = ctx.out.actor_at[i + 1];
      if (actor >= 0) {
        const ActorPhrase& phrase = ctx.out.actors[static_cast<size_t>(actor)];
        Add(ctx, sentence_index, phrase.first, phrase.end);
      } else if (doc.tokens[i + 1].Is(text::kCapitalized)) {
        uint32_t k = i + 1;
        while (k < s.end_token && doc.tokens[k].Is(text::kCapitalized) && k - i <= kMaxWhoTokens) ++k;
        Add(ctx, sentence_index, i + 1, k);
      }
    }
  }
}

void FindQuotes(ExtractContext& ctx) {
  const text::Document& doc = ctx.doc;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  for (uint32_t i = 0; i < n; ++i) {
    if (!doc.tokens[i].Is(text::kOpenQuote) || doc.Key(i) != "\"") continue;
    uint32_t j = i + 1;
    while (j < n && j - i <= kMaxQuoteTokens && !(doc.tokens[j].Is(text::kCloseQuote) && doc.Key(j) == "\"") &&
           !(doc.tokens[j].Is(text::kOpenQuote) && doc.Key(j) == "\""))
      ++j;
    if (j >= n || j - i > kMaxQuoteTokens || !doc.tokens[j].Is(text::kCloseQuote) || j == i + 1) continue;
    QuoteMention quote;
    quote.first = i + 1;
    quote.end = j;
    // Speaker: the phrase right before the opening mark, else the sentence's source.
    uint32_t k = i;
    while (k > 0 && (doc.Key(k - 1).ends_with("ly") || doc.Key(k - 1) == "," || doc.Key(k - 1) == ":")) --k;
    // The speaker named right after the closing mark: "“...,” the leader said".
    std::string after;
    for (const Attribution& a : ctx.out.AttributionsOf(doc.tokens[j].sentence))
      if (a.first > j && a.first <= j + 2) after = a.who;
    if (!after.empty()) {
      quote.speaker = after;
    } else if (k > 0 && ctx.out.actor_at[k - 1] >= 0) {
      const ActorPhrase& phrase = ctx.out.actors[static_cast<size_t>(ctx.out.actor_at[k - 1])];
      quote.speaker = std::string(doc.SpanText(phrase.first, phrase.end));
    } else {
      const uint32_t close_sentence = doc.tokens[j].sentence, open_sentence = doc.tokens[i].sentence;
      for (const uint32_t s : {close_sentence, open_sentence}) {
        const auto said = ctx.out.AttributionsOf(s);
        if (!said.empty()) {
          quote.speaker = said.front().who;
          break;
        }
      }
    }
    ctx.out.quotes.push_back(std::move(quote));
    i = j;
  }
}

}  // namespace annals::extract
