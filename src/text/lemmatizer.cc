#include "text/lemmatizer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace annals::text {
namespace lt = lemma_table;

namespace {

constexpr uint32_t kMaxAcronymSize = 5;  // words in capitals up to this length are acronyms

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The plural rule for words WordNet does not know: the length of the singular, or 0.
// "-ches", "-shes", "-sses", "-xes", "-zes" lose "es"; other "-s" lose "s", except
// "-ss", "-us", "-is", "-'s" and words shorter than four letters.
size_t UnknownPluralStem(std::string_view key) {
  if (key.size() < 4 || key.back() != 's') return 0;
  const char before = key[key.size() - 2];
  if (before == 's' || before == 'u' || before == 'i' || before == '\'' || before == '-') return 0;
  if (EndsWith(key, "ches") || EndsWith(key, "shes") || EndsWith(key, "sses") || EndsWith(key, "xes") ||
      EndsWith(key, "zes"))
    return key.size() - 2;
  if (before < 'a' || before > 'z') return 0;  // digits, marks, non-ASCII: leave alone
  return key.size() - 1;
}

}  // namespace

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(const std::string& data_dir) {
  const std::string path = data_dir + "/" + lt::kFileName;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return Status(ErrorCode::kMissingResource,
                  "cannot open '" + path + "': build the project (the build compiles WordNet into it)");
  struct stat st;
  if (::fstat(fd, &st) != 0 || static_cast<size_t>(st.st_size) < sizeof(lt::Header)) {
    ::close(fd);
    return Status(ErrorCode::kCorruptResource, "'" + path + "' is shorter than its header");
  }
  const size_t size = static_cast<size_t>(st.st_size);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return Status(ErrorCode::kIo, "cannot map '" + path + "'");

  std::unique_ptr<Lemmatizer> lemmatizer(new Lemmatizer());
  lemmatizer->map_ = map;
  lemmatizer->map_size_ = size;
  const auto* header = static_cast<const lt::Header*>(map);
  // Every later access is bounds-checked against these sizes, so a damaged file gives
  // wrong lemmas at worst, never a read outside the mapping.
  const uint64_t slots_end = uint64_t{header->slots_offset} + uint64_t{header->slot_count} * sizeof(uint64_t);
  const uint64_t records_end = uint64_t{header->records_offset} + header->records_size;
  const bool valid = std::memcmp(header->magic, lt::kMagic, sizeof(lt::kMagic)) == 0 &&
                     header->version == lt::kVersion && header->slot_count > 0 &&
                     (header->slot_count & (header->slot_count - 1)) == 0 && header->slots_offset % 8 == 0 &&
                     slots_end <= size && records_end <= size;
  if (!valid) return Status(ErrorCode::kCorruptResource, "'" + path + "' is not a lemma table of version " +
                                                             std::to_string(lt::kVersion) + ": rebuild it");
  lemmatizer->header_ = header;
  const char* base = static_cast<const char*>(map);
  lemmatizer->slots_ = reinterpret_cast<const uint64_t*>(base + header->slots_offset);
  lemmatizer->records_ = reinterpret_cast<const uint8_t*>(base + header->records_offset);
  return lemmatizer;
}

Lemmatizer::~Lemmatizer() {
  if (map_ != nullptr) ::munmap(const_cast<void*>(map_), map_size_);
}

namespace {

// A record's key and readings (views into the mapping).
struct Record {
  std::string_view key;
  std::string_view reading[lt::kReadingCount];
  uint8_t flags = 0;
};

Record Read(const uint8_t* r) {
  Record out;
  const uint32_t key_size = r[0];
  uint16_t bytes_size;
  std::memcpy(&bytes_size, r + 2, sizeof(bytes_size));
  const char* bytes = reinterpret_cast<const char*>(r + lt::kRecordHead);
  out.key = std::string_view(bytes, key_size);
  out.flags = r[1];
  for (int k = 0; k < lt::kReadingCount; ++k) {
    const uint32_t size = r[4 + k], offset = r[8 + k];
    if (size > 0 && offset + size <= bytes_size) out.reading[k] = std::string_view(bytes + offset, size);
  }
  return out;
}

}  // namespace

const uint8_t* Lemmatizer::Find(std::string_view key) const {
  if (key.empty() || key.size() > lt::kMaxStringSize) return nullptr;
  const uint32_t mask = header_->slot_count - 1;
  const uint64_t hash = lt::Hash(key);
  uint32_t h = static_cast<uint32_t>(hash) & mask;
  for (uint32_t probes = 0; probes <= mask; ++probes, h = (h + 1) & mask) {
    const uint64_t slot = slots_[h];
    if (slot == 0) return nullptr;
    if (!lt::SlotMatches(slot, hash)) continue;
    const uint32_t offset = lt::SlotRecord(slot);
    if (uint64_t{offset} + lt::kRecordHead + key.size() > header_->records_size) return nullptr;
    const uint8_t* r = records_ + offset;
    uint16_t bytes_size;
    std::memcpy(&bytes_size, r + 2, sizeof(bytes_size));
    if (uint64_t{offset} + lt::kRecordHead + bytes_size > header_->records_size || r[0] > bytes_size) return nullptr;
    if (r[0] == key.size() && std::memcmp(r + lt::kRecordHead, key.data(), key.size()) == 0) return r;
  }
  return nullptr;
}

std::string_view Lemmatizer::Lemma(std::string_view key) const {
  const uint8_t* r = Find(key);
  if (r == nullptr) return key;
  const std::string_view lemma = Read(r).reading[lt::kLemma];
  return lemma.empty() ? key : lemma;
}

LemmaInfo Lemmatizer::Lookup(std::string_view key) const {
  LemmaInfo info;
  info.lemma = key;
  const uint8_t* r = Find(key);
  if (r == nullptr) return info;
  const Record record = Read(r);
  info.known = true;
  if (!record.reading[lt::kLemma].empty()) info.lemma = record.reading[lt::kLemma];
  info.verb = record.reading[lt::kVerb];
  info.noun = record.reading[lt::kNoun];
  info.adj = record.reading[lt::kAdj];
  info.noun_lemma = record.flags & lt::kNounLemma;
  info.verb_lemma = record.flags & lt::kVerbLemma;
  info.adj_lemma = record.flags & lt::kAdjLemma;
  info.adv_lemma = record.flags & lt::kAdvLemma;
  return info;
}

void Lemmatizer::Lemmatize(Document* doc) const {
  const uint32_t n = static_cast<uint32_t>(doc->tokens.size());
  for (uint32_t i = 0; i < n; ++i) {
    Token& t = doc->tokens[i];
    t.lemma_start = t.key_start;
    t.lemma_size = t.key_size;
    if (!t.Is(kWord)) continue;
    // Acronyms keep their key: "AIDS" is not "aid", "NHS" not "nh".
    if (t.Is(kAllCaps) && t.end - t.start <= kMaxAcronymSize) continue;
    const std::string_view key = doc->Key(t);

    // Step 1: the table.
    std::string_view lemma;
    if (const uint8_t* r = Find(key)) {
      const Record record = Read(r);
      lemma = record.reading[lt::kLemma];
      if ((record.flags & lt::kBeforeNegation) && i + 1 < n && doc->Key(i + 1) == "n't")
        lemma = record.reading[lt::kVerb];
      if (lemma.empty() || lemma == key) continue;
      if (lemma.size() < key.size() && key.substr(0, lemma.size()) == lemma) {  // "forces" -> "force"
        t.lemma_size = static_cast<uint32_t>(lemma.size());
        continue;
      }
      t.lemma_start = static_cast<uint32_t>(doc->keys.size());
      t.lemma_size = static_cast<uint32_t>(lemma.size());
      doc->keys.append(lemma);
      continue;
    }

    // Step 2: a hyphenated compound: the noun reading of its last part, its head
    // ("counter-protesters" -> "counter-protester"); participles stay ("US-led"), except
    // after a prefix that makes verbs ("re-captured" -> "re-capture").
    const size_t hyphen = key.rfind('-');
    if (hyphen != std::string_view::npos && hyphen + 1 < key.size()) {
      const std::string_view last = key.substr(hyphen + 1);
      if (const uint8_t* r = Find(last)) {
        const Record record = Read(r);
        lemma = record.reading[lt::kNoun];
        static constexpr std::string_view kVerbPrefixes[] = {"re", "pre", "co", "out", "over", "under", "mis"};
        const std::string_view prefix = key.substr(0, hyphen);
        if ((lemma.empty() || lemma == last) &&
            std::find(std::begin(kVerbPrefixes), std::end(kVerbPrefixes), prefix) != std::end(kVerbPrefixes))
          lemma = record.reading[lt::kVerb];
        if (lemma.empty() || lemma == last) continue;
        if (lemma.size() < last.size() && last.substr(0, lemma.size()) == lemma) {
          t.lemma_size = static_cast<uint32_t>(hyphen + 1 + lemma.size());
          continue;
        }
        const size_t start = doc->keys.size();
        doc->keys.reserve(start + hyphen + 1 + lemma.size());  // no reallocation while copying from keys
        doc->keys.append(doc->keys.data() + t.key_start, hyphen + 1);
        doc->keys.append(lemma);
        t.lemma_start = static_cast<uint32_t>(start);
        t.lemma_size = static_cast<uint32_t>(hyphen + 1 + lemma.size());
        continue;
      }
    }

    // Step 3: an unknown plural of a word that is not a name.
    const bool name_like = t.Is(kAllCaps) || (t.Is(kCapitalized) && !t.Is(kSentenceStart) &&
                                              doc->field != Field::kTitle);
    if (!name_like) {
      const std::string_view tail = hyphen == std::string_view::npos ? key : key.substr(hyphen + 1);
      if (const size_t stem = UnknownPluralStem(tail); stem > 0)
        t.lemma_size = static_cast<uint32_t>(key.size() - tail.size() + stem);
    }
  }
}

}  // namespace annals::text
