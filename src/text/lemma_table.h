// The compiled lemma table (lemmas.bin): the layout shared by the build-time compiler
// (compile_lemmas.cc) and the Lemmatizer that maps it at start-up.
//
// The file holds one entry per word form that WordNet (plus data/text/lemma_extra.tsv)
// knows: every lemma of index.{noun,verb,adj,adv} that is one word, every form of the
// exception lists, and every form that Morphy's detachment rules turn into a lemma of
// the index ("clashed" -> "clash"). Each entry carries the form's readings, already
// chosen at build time, so that lemmatising a token at run time is one hash probe:
//
//   header | entries[entry_count] | slots[slot_count] | strings[strings_size]
//
// Slots are an open-addressing hash table (linear probing, slot_count a power of two)
// holding entry index + 1 in their low 20 bits and 12 bits of the key's hash above, or
// 0 for an empty slot; the hash bits let a probe skip most other keys without reading
// their entries. Strings are lower-case UTF-8 bytes,
// not terminated, addressed by (offset, length). Integers are in host byte order: the
// file is built on the machine that uses it and is never shipped.
#ifndef ANNALS_TEXT_LEMMA_TABLE_H_
#define ANNALS_TEXT_LEMMA_TABLE_H_

#include <cstdint>
#include <string_view>

namespace annals::text::lemma_table {

inline constexpr char kMagic[8] = {'A', 'N', 'L', 'E', 'M', 'M', 'A', '1'};
inline constexpr uint32_t kVersion = 2;
inline constexpr const char* kFileName = "lemmas.bin";

// Entry flags: which parts of speech list the form itself as a lemma.
enum EntryFlag : uint8_t {
  kNounLemma = 1u << 0,
  kVerbLemma = 1u << 1,
  kAdjLemma = 1u << 2,
  kAdvLemma = 1u << 3,
  kOverride = 1u << 4,        // the token lemma comes from data/text/lemma_extra.tsv
  kBeforeNegation = 1u << 5,  // before the token "n't" the token lemma is the verb
                              // reading ("ca" in "can't" -> "can")
};

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t entry_count;
  uint32_t slot_count;    // a power of two, at least twice entry_count
  uint32_t strings_size;
  uint32_t entries_offset;
  uint32_t slots_offset;
  uint32_t strings_offset;
  uint32_t reserved[7];
};
static_assert(sizeof(Header) == 64);

// A string in the strings area, packed as offset << 8 | size (so the strings area is
// below 16 MiB and a string below 256 bytes); size 0 means "none".
using StringRef = uint32_t;
inline constexpr uint32_t RefOffset(StringRef r) { return r >> 8; }
inline constexpr uint32_t RefSize(StringRef r) { return r & 0xFFu; }
inline constexpr StringRef MakeRef(uint32_t offset, uint32_t size) { return offset << 8 | size; }
inline constexpr uint32_t kMaxStringsSize = 1u << 24;
inline constexpr uint32_t kMaxStringSize = 255;

struct Entry {
  StringRef key;    // the word form ("fled")
  StringRef lemma;  // the token lemma (verb reading of an inflected verb form, else the
                    // noun reading, else the key itself); never empty
  StringRef verb;   // base form when the form is a verb or a verb form ("flee"), else none
  StringRef noun;   // singular when the form is a noun or a plural ("shelter"), else none
  StringRef adj;    // positive degree when the form is an adjective ("big" for "bigger")
  uint32_t flags;   // EntryFlag bits
};
static_assert(sizeof(Entry) == 24);

// Slot layout.
inline constexpr uint32_t kIndexBits = 20;
inline constexpr uint32_t kMaxEntries = (1u << kIndexBits) - 2;
inline constexpr uint32_t SlotTag(uint64_t hash) { return static_cast<uint32_t>(hash >> 52); }  // 12 bits
inline constexpr uint32_t MakeSlot(uint32_t index, uint64_t hash) { return SlotTag(hash) << kIndexBits | (index + 1); }
inline constexpr uint32_t SlotEntry(uint32_t slot) { return (slot & ((1u << kIndexBits) - 1)) - 1; }  // index
inline constexpr bool SlotMatches(uint32_t slot, uint64_t hash) { return slot >> kIndexBits == SlotTag(hash); }

// FNV-1a, 64 bits: the same function at build time and at run time.
inline uint64_t Hash(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace annals::text::lemma_table

#endif  // ANNALS_TEXT_LEMMA_TABLE_H_
