// EventModel: fastText's prediction for a candidate's feature tokens, and the isotonic
// calibration of that probability (event_model.h).
#include "code/event_model.h"

#include <fasttext/fasttext.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/tsv.h"

namespace annals::code {

Result<Calibration> Calibration::Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kMissingResource, path + ": cannot open the event model's calibration");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string data = buffer.str();
  auto table = ParseTsv(data, path, 3);
  if (!table.ok()) return Status(ErrorCode::kCorruptResource, table.status().message());
  std::vector<std::pair<double, double>> points;
  double threshold = -1;
  for (const TsvTable::Row& row : table.value().rows) {
    const std::string line = path + ":" + std::to_string(row.line);
    double raw = 0, calibrated = 0;
    if (std::sscanf(std::string(row.fields[2]).c_str(), "%lf", &calibrated) != 1 || calibrated < 0 || calibrated > 1)
      return Status(ErrorCode::kCorruptResource, line + ": calibrated value '" + std::string(row.fields[2]) +
                                                     "' is not a probability");
    if (row.fields[0] == "threshold") {
      threshold = calibrated;
    } else if (row.fields[0] == "point") {
      if (std::sscanf(std::string(row.fields[1]).c_str(), "%lf", &raw) != 1 ||
          (!points.empty() && raw < points.back().first))
        return Status(ErrorCode::kCorruptResource, line + ": raw probability '" + std::string(row.fields[1]) +
                                                       "' is not a number at or above the previous one");
      if (!points.empty() && calibrated < points.back().second)
        return Status(ErrorCode::kCorruptResource, line + ": calibrated value '" + std::string(row.fields[2]) +
                                                       "' is below the previous one");
      points.emplace_back(raw, calibrated);
    } else {
      return Status(ErrorCode::kCorruptResource, line + ": row kind '" + std::string(row.fields[0]) +
                                                     "' is neither 'point' nor 'threshold'");
    }
  }
  if (points.empty() || threshold < 0)
    return Status(ErrorCode::kCorruptResource, path + ": needs at least one point row and a threshold row");
  return Calibration(std::move(points), threshold);
}

double Calibration::Apply(double raw) const {
  if (points_.empty()) return raw;
  if (raw <= points_.front().first) return points_.front().second;
  if (raw >= points_.back().first) return points_.back().second;
  auto hi = std::upper_bound(points_.begin(), points_.end(), raw,
                             [](double x, const std::pair<double, double>& p) { return x < p.first; });
  auto lo = hi - 1;
  const double span = hi->first - lo->first;
  if (span <= 0) return hi->second;
  return lo->second + (hi->second - lo->second) * (raw - lo->first) / span;
}

std::string Calibration::Write() const {
  std::string out =
      "# The event model's calibration, written by train_event_model (src/tools) from out-of-fold\n"
      "# predictions over data/train/ (folds by article): the blocks of an isotonic fit of the raw\n"
      "# model probability against the observed share of real events, as points joined by lines,\n"
      "# and the default minimum confidence (the calibrated value whose threshold maximised F1 over\n"
      "# the folds).\n"
      "# Columns: row (point or threshold), raw (a block's mean raw probability; '-' for the\n"
      "# threshold), calibrated (the block's share of real events, or the threshold).\n"
      "row\traw\tcalibrated\n";
  char line[96];
  std::snprintf(line, sizeof line, "threshold\t-\t%.6f\n", threshold_);
  out += line;
  for (const auto& [raw, calibrated] : points_) {
    std::snprintf(line, sizeof line, "point\t%.6f\t%.6f\n", raw, calibrated);
    out += line;
  }
  return out;
}

struct EventModel::Impl {
  fasttext::FastText model;
  // The trained matrices, read directly: the prediction below is fastText's softmax
  // model (the mean of the tokens' input rows, times the output matrix, softmax)
  // without its per-call allocations.
  std::shared_ptr<const fasttext::DenseMatrix> input, output;
  std::vector<std::optional<EventType>> type_of_label;  // by label id; none for kNoneLabel
  int32_t end_of_line = -1;
};

EventModel::EventModel(std::unique_ptr<Impl> impl, Calibration calibration)
    : impl_(std::move(impl)), calibration_(std::move(calibration)) {}
EventModel::~EventModel() = default;

Result<std::unique_ptr<EventModel>> EventModel::Load(const std::string& data_dir) {
  auto calibration = Calibration::Read(data_dir + "/" + kEventCalibrationFile);
  if (!calibration.ok()) return calibration.status();
  return LoadModelFile(data_dir + "/" + kEventModelFile, std::move(calibration).value());
}

Result<std::unique_ptr<EventModel>> EventModel::LoadModelFile(const std::string& model_path,
                                                              Calibration calibration) {
  if (!std::ifstream(model_path).good())
    return Status(ErrorCode::kMissingResource, model_path + ": the event model is missing (the build trains it)");
  auto impl = std::make_unique<Impl>();
  try {
    impl->model.loadModel(model_path);
  } catch (const std::exception& e) {
    return Status(ErrorCode::kCorruptResource, model_path + ": not a fastText model (" + e.what() + ")");
  }
  const auto dict = impl->model.getDictionary();
  const std::string_view prefix = kLabelPrefix;
  for (int32_t i = 0; i < dict->nlabels(); ++i) {
    const std::string label = dict->getLabel(i);
    if (label == kNoneLabel) {
      impl->type_of_label.push_back(std::nullopt);
      continue;
    }
    const auto type = label.rfind(prefix, 0) == 0 ? EventTypeFromString(std::string_view(label).substr(prefix.size()))
                                                  : std::nullopt;
    if (!type) return Status(ErrorCode::kCorruptResource, model_path + ": unknown label '" + label + "'");
    impl->type_of_label.push_back(type);
  }
  impl->end_of_line = impl->model.getWordId(fasttext::Dictionary::EOS);
  impl->input = impl->model.getInputMatrix();
  impl->output = impl->model.getOutputMatrix();
  if (impl->model.getArgs().loss != fasttext::loss_name::softmax ||
      impl->output->rows() != static_cast<int64_t>(impl->type_of_label.size()) ||
      impl->input->cols() != impl->output->cols())
    return Status(ErrorCode::kCorruptResource, model_path + ": not a softmax model over the event labels");
  return std::unique_ptr<EventModel>(new EventModel(std::move(impl), std::move(calibration)));
}

void EventModel::TokenIds(const std::vector<std::string>& tokens, std::vector<int32_t>* ids) const {
  for (const std::string& token : tokens)
    if (const int32_t id = impl_->model.getWordId(token); id >= 0) ids->push_back(id);
}

Decision EventModel::Decide(const std::vector<int32_t>& ids, EventType own) const {
  const fasttext::DenseMatrix& input = *impl_->input;
  const fasttext::DenseMatrix& output = *impl_->output;
  const int64_t dim = input.cols();
  thread_local std::vector<float> hidden, scores;
  hidden.assign(static_cast<size_t>(dim), 0.0f);
  scores.assign(static_cast<size_t>(output.rows()), 0.0f);
  // The mean of the known tokens' rows, with the end-of-line token fastText reads after
  // every training line.
  int n = 0;
  auto add = [&](int32_t id) {
    const float* row = input.data() + static_cast<int64_t>(id) * dim;
    for (int64_t d = 0; d < dim; ++d) hidden[static_cast<size_t>(d)] += row[d];
    ++n;
  };
  for (const int32_t id : ids) add(id);
  if (impl_->end_of_line >= 0) add(impl_->end_of_line);
  if (n > 0)
    for (float& h : hidden) h /= static_cast<float>(n);
  // Softmax over the labels.
  float best = -1e30f;
  for (int64_t l = 0; l < output.rows(); ++l) {
    const float* row = output.data() + l * dim;
    float z = 0;
    for (int64_t d = 0; d < dim; ++d) z += row[d] * hidden[static_cast<size_t>(d)];
    scores[static_cast<size_t>(l)] = z;
    best = std::max(best, z);
  }
  double total = 0;
  for (float& z : scores) total += (z = std::exp(z - best));
  // The probability of the candidate's own type, and the likeliest type ("no event" aside).
  Decision decision;
  double likeliest = -1;
  for (size_t l = 0; l < scores.size(); ++l) {
    const std::optional<EventType> type = impl_->type_of_label[l];
    if (!type) continue;
    const double p = scores[l] / total;
    if (p > likeliest) likeliest = p, decision.likeliest = *type;
    if (*type == own) decision.raw = p;
  }
  decision.probability = calibration_.Apply(decision.raw);
  return decision;
}

}  // namespace annals::code
