// Provisional suffix rules; the WordNet-backed version replaces this file.
#include "text/lemmatizer.h"

namespace annals::text {

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(const std::string& data_dir) {
  return std::make_unique<Lemmatizer>();
}

std::string_view Lemmatizer::Lemma(std::string_view key) const {
  auto it = exceptions_.find(key);
  if (it != exceptions_.end()) return it->second;
  return key;
}

void Lemmatizer::Lemmatize(Document* doc) const {
  for (Token& t : doc->tokens) {
    if (!t.Is(kWord)) continue;
    std::string key(doc->Key(t));
    std::string lemma = key;
    auto ends = [&](std::string_view s) { return lemma.size() > s.size() + 2 && lemma.ends_with(s); };
    if (ends("ies")) lemma = lemma.substr(0, lemma.size() - 3) + "y";
    else if (ends("ed")) lemma = lemma.substr(0, lemma.size() - 2);
    else if (ends("ing")) lemma = lemma.substr(0, lemma.size() - 3);
    else if (ends("es") && (lemma.ends_with("shes") || lemma.ends_with("ches") || lemma.ends_with("sses"))) lemma.resize(lemma.size() - 2);
    else if (ends("s") && !ends("ss") && !ends("us")) lemma.pop_back();
    if (lemma == key) continue;
    t.lemma_start = static_cast<uint32_t>(doc->keys.size());
    doc->keys.append(lemma);
    t.lemma_size = static_cast<uint32_t>(lemma.size());
  }
}

}  // namespace annals::text
