// The code stage: turns the analysed article (text, places, extracted phrases) into
// coded events (PLOVER, CAMEO, ACLED), merged per article.
#ifndef ANNALS_CODE_EVENT_CODER_H_
#define ANNALS_CODE_EVENT_CODER_H_

#include <memory>
#include <string>

#include "annals/annals.h"
#include "geo/geocoder.h"
#include "text/document.h"
#include "text/lemmatizer.h"

namespace annals::code {

class EventCoder {
 public:
  // `geocoder` and `lemmatizer` are the pipeline's, used read-only; either may be null.
  // The event model is loaded from `data_dir` when options.use_event_model is set.
  static Result<std::unique_ptr<EventCoder>> Load(const std::string& data_dir, const PipelineOptions& options,
                                                  const geo::Geocoder* geocoder, const text::Lemmatizer* lemmatizer);
  ~EventCoder();

  // Fills record->events and record->quotes. Thread-safe.
  void Code(const Article& article, const text::Document& title, const text::Document& body,
            const geo::GeoResult& places, ArticleRecord* record) const;

  // Events below this confidence are left out (0 without the event model).
  double min_confidence() const;

  struct Impl;

 private:
  explicit EventCoder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace annals::code

#endif  // ANNALS_CODE_EVENT_CODER_H_
