// The compiled lemma table (lemmas.bin): the layout shared by the build-time compiler
// (compile_lemmas.cc) and the Lemmatizer that maps it at start-up.
//
// The file holds one record per word form that WordNet (plus data/text/lemma_extra.tsv)
// knows: every lemma of index.{noun,verb,adj,adv} that is one word, every form of the
// exception lists, and every form that Morphy's detachment rules turn into a lemma of
// the index ("clashed" -> "clash"). Each record carries the form's readings, already
// chosen at build time, so that lemmatising a token at run time is one hash probe:
//
//   header | slots[slot_count] | records[records_size]
//
// Slots are an open-addressing hash table (linear probing, slot_count a power of two)
// of 64-bit values: the high 32 bits of the key's hash, and the record's offset + 1 in
// the low 32 bits (0: an empty slot). The hash bits let a probe skip other keys without
// reading their records.
//
// A record is self-contained, so that a lookup touches one slot and one record:
//   uint8  key_size
//   uint8  flags                 (RecordFlag)
//   uint16 bytes_size            (the bytes after the 12-byte head)
//   uint8  size[4], offset[4]    lemma, verb, noun, adj: where each reading lies in the
//                                bytes (size 0: none)
//   bytes: the key, then the readings that are not the key or a prefix of it.
// Integers are in host byte order: the file is built on the machine that uses it and
// is never shipped.
#ifndef ANNALS_TEXT_LEMMA_TABLE_H_
#define ANNALS_TEXT_LEMMA_TABLE_H_

#include <cstdint>
#include <string_view>

namespace annals::text::lemma_table {

inline constexpr char kMagic[8] = {'A', 'N', 'L', 'E', 'M', 'M', 'A', '1'};
inline constexpr uint32_t kVersion = 3;
inline constexpr const char* kFileName = "lemmas.bin";

// Record flags: which parts of speech list the form itself as a lemma, and overrides.
enum RecordFlag : uint8_t {
  kNounLemma = 1u << 0,
  kVerbLemma = 1u << 1,
  kAdjLemma = 1u << 2,
  kAdvLemma = 1u << 3,
  kOverride = 1u << 4,        // the token lemma comes from data/text/lemma_extra.tsv
  kBeforeNegation = 1u << 5,  // before the token "n't" the token lemma is the verb
                              // reading ("ca" in "can't" -> "can")
};

// The readings of a record, in the order of its size/offset arrays.
enum Reading : uint8_t { kLemma = 0, kVerb = 1, kNoun = 2, kAdj = 3, kReadingCount = 4 };

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t record_count;
  uint32_t slot_count;    // a power of two, at least twice record_count
  uint32_t records_size;
  uint32_t slots_offset;
  uint32_t records_offset;
  uint32_t reserved[8];
};
static_assert(sizeof(Header) == 64);

inline constexpr uint32_t kRecordHead = 12;
inline constexpr uint32_t kMaxStringSize = 255;

// Slot layout.
inline constexpr uint64_t MakeSlot(uint32_t record_offset, uint64_t hash) {
  return (hash & 0xFFFFFFFF00000000ull) | (uint64_t{record_offset} + 1);
}
inline constexpr bool SlotMatches(uint64_t slot, uint64_t hash) {
  return (slot & 0xFFFFFFFF00000000ull) == (hash & 0xFFFFFFFF00000000ull);
}
inline constexpr uint32_t SlotRecord(uint64_t slot) { return static_cast<uint32_t>(slot) - 1; }

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
