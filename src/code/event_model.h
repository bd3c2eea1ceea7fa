// The learned decision over candidate events: a fastText classifier (Debian's
// libfasttext) trained at build time on the project's labelled articles
// (data/train/, src/tools/train_event_model.cc), and its calibration.
//
// A candidate's feature tokens (features.h) go in; out comes the probability that the
// text reports an event of the candidate's type there, calibrated on out-of-fold
// predictions over the training articles (an isotonic fit), so that of the events
// given 0.7, about 70 in 100 are real. The model has one label per PLOVER type (a
// candidate that overlaps a gold event of another type is labelled with that type)
// and one for "no event"; it also names the likeliest type, which the trainer's
// report compares with the candidate's own. Giving candidates that type instead
// measured no better over the training folds (F1 0.615 against 0.620 for keeping the
// rules' type), so the decision keeps the type and judges it. The calibration file
// also holds the default threshold: the one that maximised F1 over those folds.
#ifndef ANNALS_CODE_EVENT_MODEL_H_
#define ANNALS_CODE_EVENT_MODEL_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "annals/annals.h"

namespace annals::code {

// Label names in the training file and the model: kLabelPrefix + a PLOVER type, or
// kNoneLabel for a candidate that reports no event.
inline constexpr const char* kLabelPrefix = "__label__";
inline constexpr const char* kNoneLabel = "__label__none";

// File names in the data folder.
inline constexpr const char* kEventModelFile = "event_model.bin";
inline constexpr const char* kEventCalibrationFile = "event_calibration.tsv";

// Isotonic calibration: a non-decreasing function from the raw model probability to
// the observed share of real events, and the default threshold. The isotonic fit's
// blocks become points (a block's mean raw probability, its share of real events);
// between two points the function is linear, so that candidates the model ranks apart
// keep distinct confidences (a step function would tie every candidate of a block).
class Calibration {
 public:
  // Reads the TSV written by Write(); the error names the file and line.
  static Result<Calibration> Read(const std::string& path);
  // `points` are (raw probability, calibrated value) pairs, both non-decreasing.
  Calibration(std::vector<std::pair<double, double>> points, double threshold)
      : points_(std::move(points)), threshold_(threshold) {}
  Calibration() = default;

  // The calibrated probability of a raw one: the first (last) point's value below
  // (above) the points, linear in between; `raw` itself without points.
  double Apply(double raw) const;
  double threshold() const { return threshold_; }
  // The file's text: a header naming the columns, then one row per point.
  std::string Write() const;

 private:
  std::vector<std::pair<double, double>> points_;
  double threshold_ = 0.5;
};

// What the model says of one candidate.
struct Decision {
  EventType likeliest = EventType::kConsult;  // the likeliest type of event, "no event" aside
  double raw = 0;                             // the model probability of the candidate's own type
  double probability = 0;                     // that, calibrated: the event's confidence
};

class EventModel {
 public:
  // Loads kEventModelFile and kEventCalibrationFile from `data_dir`.
  static Result<std::unique_ptr<EventModel>> Load(const std::string& data_dir);
  // Loads a model file with a given calibration (the trainer's folds: an empty
  // Calibration leaves the raw probability as it is).
  static Result<std::unique_ptr<EventModel>> LoadModelFile(const std::string& model_path, Calibration calibration);
  ~EventModel();

  // Appends the model's ids of the tokens it knows to `ids` (the others carry no
  // weight). An article's tokens are looked up once, then shared by its candidates.
  void TokenIds(const std::vector<std::string>& tokens, std::vector<int32_t>* ids) const;
  // The decision over a candidate of type `own` whose tokens have these ids. Thread-safe.
  Decision Decide(const std::vector<int32_t>& ids, EventType own) const;
  // The default minimum confidence.
  double threshold() const { return calibration_.threshold(); }

  struct Impl;

 private:
  EventModel(std::unique_ptr<Impl> impl, Calibration calibration);
  std::unique_ptr<Impl> impl_;
  Calibration calibration_;
};

}  // namespace annals::code

#endif  // ANNALS_CODE_EVENT_MODEL_H_
