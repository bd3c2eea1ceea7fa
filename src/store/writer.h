// Writing coded articles into the store.
//
// Identity: an article is its id. Its content hash covers everything the coder reads
// (text, title, date, language) and what the store keeps about it (url, source).
//   - an id not in the store: inserted with its places, mentions and actors;
//   - the same id with the same hash: nothing is written (re-ingest adds no rows);
//   - the same id with another hash: its old places, mentions and actors are deleted
//     and the new ones inserted, under the same article row.
// Every mention's (type key, day) is marked dirty (and the events of deleted mentions
// stale), so that Deduplicate (recluster.h) recomputes exactly the clusters that may
// have changed. A batch is one transaction: after a crash the store holds whole
// batches only, and re-running the same input completes it.
// Within one run (one Writer), the first article of an id is the one kept: a later
// article with the same id is refused (Admit), so that ingesting the same inputs again
// changes nothing even when they hold one id twice with different texts.
#ifndef ANNALS_STORE_WRITER_H_
#define ANNALS_STORE_WRITER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "annals/annals.h"
#include "store/store.h"

namespace annals::store {

// The content hash of an article (64-bit FNV-1a over its fields, each framed).
int64_t ContentHash(const Article& article);

// The outlet of an article, for counting distinct sources: its `source` field, else
// the host of its url ("www." dropped), else "article:" + id (each article its own).
std::string OutletOf(const Article& article);

struct WriteCounts {
  uint64_t added = 0;      // articles new to the store
  uint64_t replaced = 0;   // articles whose content changed
  uint64_t unchanged = 0;  // articles already stored with the same content
  uint64_t mentions_added = 0;
  uint64_t mentions_removed = 0;
};

class Writer {
 public:
  // `store` must outlive the writer and be writable.
  static Result<std::unique_ptr<Writer>> Create(Store* store);
  ~Writer();

  // With `on`, an article stored with the same content is replaced all the same (its
  // records were coded again, e.g. by a newer annals: `annals ingest --recode`).
  void set_rewrite_unchanged(bool on) { rewrite_unchanged_ = on; }

  // Whether the store already holds `article` with the same content (then it need not
  // be coded again).
  Result<bool> IsStored(const Article& article);

  // What to do with an article just read in this run.
  enum class Admission {
    kCode,       // new to the store, or stored with other content (or --recode): code and write it
    kUnchanged,  // stored with the same content: nothing to do
    kRepeated,   // an article of this id was admitted before by this writer: refuse it
  };
  // Decides for `article` and remembers its id (one id string per article of the run
  // stays in memory: about 70 bytes each).
  Result<Admission> Admit(const Article& article);

  // Writes the articles and their records (records[i] coded from articles[i]) in one
  // transaction. On error nothing of the batch is written.
  Status WriteBatch(const std::vector<const Article*>& articles, const std::vector<const ArticleRecord*>& records,
                    WriteCounts* counts);

  struct Statements;

 private:
  explicit Writer(Store* store);
  Status WriteOne(const Article& article, const ArticleRecord& record, WriteCounts* counts);
  Status DeleteContent(int64_t article_pk, const std::string& old_title, const std::string& old_text,
                       WriteCounts* counts);
  Store* store_;
  std::unique_ptr<Statements> st_;
  std::string coder_;
  bool rewrite_unchanged_ = false;
  std::unordered_set<std::string> admitted_ids_;
};

}  // namespace annals::store

#endif  // ANNALS_STORE_WRITER_H_
