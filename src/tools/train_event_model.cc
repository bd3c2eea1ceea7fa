// train_event_model: trains the learned decision of the code stage (src/code/event_model.h)
// from the project's labelled articles, deterministically.
//
//   train_event_model --data DIR --out DIR [--folds K] [--articles N] [--dump FILE] [--lr X] [--epoch N] TRAIN.jsonl...
//
// 1. Candidates. Each article (the form of NEWS_GOLD.md in the shared specification:
//    id, date, title, text and the events a careful coder records) is coded by the
//    Pipeline without the model, every candidate kept with its feature tokens.
// 2. Labels, by the news scorer's matching rule: in output order, a candidate whose type
//    is a gold event's type (or one of its alt_types) and whose evidence or trigger span
//    overlaps that event's quote (or one of its `also` repeats) takes the first such gold
//    event not yet taken, and is labelled with its own type. Then a candidate of another
//    type that overlaps a gold event still free takes it, labelled with the gold type
//    (what the model should retype it to: "attacked the plan" is DISAPPROVE). Every
//    other candidate (another sense, a second report of a taken event) is none. The
//    labels thus follow the candidates as the rules that find them change.
// 3. Calibration. Articles fall into K folds (ordinal modulo K); a model trained on the
//    other folds predicts the probability of each fold's candidates' own type. An
//    isotonic fit (pool adjacent violators) of those out-of-fold probabilities against
//    whether that type is right is the calibration; the default minimum confidence is the calibrated value that
//    maximises F1 over the folds, counting as missed the gold events no candidate found.
// 4. The model. fastText (supervised, softmax, one thread, a fixed seed) trained on all
//    candidates, written to DIR/event_model.bin beside DIR/event_calibration.tsv and a
//    report, DIR/event_model_report.txt (the labels by type, the folds' figures, the
//    reliability table).
// Same inputs, same bytes: one training thread, a fixed seed, folds by ordinal.
#include <fasttext/fasttext.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "annals/annals.h"
#include "code/event_model.h"

namespace {

using annals::code::Calibration;

struct GoldEvent {
  std::string type;
  std::vector<std::string> alt_types;
  std::vector<annals::Span> spans;  // the quote and its repeats
};

struct LabelledArticle {
  annals::Article article;
  std::string corpus;  // the register
  std::vector<GoldEvent> gold;
};

struct Candidate {
  size_t article = 0;
  std::string type;                // as the rules coded it
  std::string label;               // the type to learn, or "none"
  std::vector<std::string> right;  // the types the scorer accepts (the gold's type and alt_types)
  std::string features;            // space-separated tokens
  std::string likeliest;           // out-of-fold: the model's likeliest type
  double raw = 0;                  // and the probability of its own type
  bool event() const { return label != "none"; }
  // Kept, it would be a true positive: its own type is one the scorer accepts.
  bool correct() const { return std::find(right.begin(), right.end(), type) != right.end(); }
};

bool Overlaps(const annals::Span& a, const annals::Span& b) {
  return a.field == b.field && a.start < b.end && b.start < a.end;
}

// The byte span of `quote` in the article's `field`, else in the title (as the scorer).
std::optional<annals::Span> FindQuote(const annals::Article& a, std::string_view quote, bool title_first) {
  const std::string title = a.title.value_or("");
  for (const bool in_title : {title_first, !title_first}) {
    const std::string& hay = in_title ? title : a.text;
    const size_t at = hay.find(quote);
    if (at != std::string::npos && !quote.empty())
      return annals::Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + quote.size()),
                          in_title ? annals::Field::kTitle : annals::Field::kText};
  }
  return std::nullopt;
}

bool ReadArticles(const std::string& path, std::vector<LabelledArticle>* out) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "train_event_model: cannot open %s\n", path.c_str());
    return false;
  }
  simdjson::dom::parser parser;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    simdjson::dom::element root;
    if (parser.parse(line).get(root)) {
      std::fprintf(stderr, "train_event_model: %s:%d: not valid JSON\n", path.c_str(), n);
      return false;
    }
    LabelledArticle la;
    std::string_view s;
    if (root["text"].get(s)) {
      std::fprintf(stderr, "train_event_model: %s:%d: no text\n", path.c_str(), n);
      return false;
    }
    la.article.text = std::string(s);
    if (!root["id"].get(s)) la.article.id = std::string(s);
    if (!root["title"].get(s)) la.article.title = std::string(s);
    if (!root["date"].get(s)) la.article.date = std::string(s);
    if (!root["corpus"].get(s)) la.corpus = std::string(s);
    la.article.origin = path + ":" + std::to_string(n);
    simdjson::dom::array events;
    if (root["events"].get(events)) {
      std::fprintf(stderr, "train_event_model: %s:%d: no events list\n", path.c_str(), n);
      return false;
    }
    for (simdjson::dom::element ev : events) {
      GoldEvent g;
      if (!ev["type"].get(s)) g.type = std::string(s);
      simdjson::dom::array alts;
      if (!ev["alt_types"].get(alts))
        for (simdjson::dom::element alt : alts)
          if (!alt.get(s)) g.alt_types.emplace_back(s);
      std::string_view field = "text";
      if (ev["quote_field"].get(field)) field = "text";
      std::string_view quote;
      if (!ev["quote"].get(quote))
        if (auto span = FindQuote(la.article, quote, field == "title")) g.spans.push_back(*span);
      simdjson::dom::array also;
      if (!ev["also"].get(also))
        for (simdjson::dom::element a : also)
          if (!a.get(s))
            if (auto span = FindQuote(la.article, s, false)) g.spans.push_back(*span);
      if (g.spans.empty())
        std::fprintf(stderr, "train_event_model: %s:%d: a gold event's quote is not in the article\n", path.c_str(),
                     n);
      la.gold.push_back(std::move(g));
    }
    out->push_back(std::move(la));
  }
  return true;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Labels the coded events of one article by the scorer's matching rule (step 2 above).
void LabelCandidates(size_t index, const LabelledArticle& la, const annals::ArticleRecord& record,
                     std::vector<Candidate>* out) {
  const size_t first = out->size();
  std::vector<std::vector<annals::Span>> spans;
  for (const annals::Event& e : record.events) {
    spans.push_back(e.evidence);
    spans.back().push_back(e.trigger_span);
    Candidate c;
    c.article = index;
    c.type = std::string(annals::ToString(e.type));
    c.label = "none";
    for (const std::string& f : e.features) {
      if (!c.features.empty()) c.features += ' ';
      c.features += f;
    }
    out->push_back(std::move(c));
  }
  auto overlaps_gold = [&](size_t e, const GoldEvent& gold) {
    for (const annals::Span& a : spans[e])
      for (const annals::Span& b : gold.spans)
        if (Overlaps(a, b)) return true;
    return false;
  };
  std::vector<bool> taken(la.gold.size(), false);
  for (const bool same_type : {true, false}) {
    for (size_t e = 0; e < spans.size(); ++e) {
      Candidate& c = (*out)[first + e];
      if (c.event()) continue;
      for (size_t g = 0; g < la.gold.size(); ++g) {
        const GoldEvent& gold = la.gold[g];
        std::vector<std::string> right = gold.alt_types;
        right.push_back(gold.type);
        const bool fits = std::find(right.begin(), right.end(), c.type) != right.end();
        if (taken[g] || fits != same_type || !overlaps_gold(e, gold)) continue;
        taken[g] = true;
        c.label = fits ? c.type : gold.type;
        c.right = std::move(right);
        break;
      }
    }
  }
}

// The learning rate and passes of training (--lr, --epoch override them for experiments).
struct Schedule {
  double lr = 1.0;
  int epoch = 100;
};

fasttext::Args TrainingArgs(const std::string& input, const std::string& output, const Schedule& schedule) {
  fasttext::Args args;
  args.input = input;
  args.output = output;
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  // Chosen by the folds' F1 on data/train (docs/event_model.md): a small
  // dimension, many passes at a high rate; fewer passes or a lower rate underfit.
  args.dim = 20;
  args.lr = schedule.lr;
  args.epoch = schedule.epoch;
  args.minCount = 1;
  args.minCountLabel = 0;
  args.wordNgrams = 1;
  args.bucket = 0;
  args.minn = 0;
  args.maxn = 0;
  args.thread = 1;
  args.seed = 1;
  args.verbose = 0;
  return args;
}

// Trains on the candidates for which `use` is true; writes the model to `model_path`.
void Train(const std::vector<Candidate>& candidates, const std::vector<bool>& use, const Schedule& schedule,
           const std::string& scratch, const std::string& model_path) {
  {
    std::ofstream file(scratch, std::ios::binary);
    for (size_t i = 0; i < candidates.size(); ++i)
      if (use[i])
        file << annals::code::kLabelPrefix << candidates[i].label << ' ' << candidates[i].features << '\n';
  }
  fasttext::FastText model;
  model.train(TrainingArgs(scratch, model_path, schedule));
  model.saveModel(model_path);
}


// Pool adjacent violators: the non-decreasing step function of raw probability that best
// fits the labels (least squares); each block as (its mean raw probability, its value).
std::vector<std::pair<double, double>> Isotonic(std::vector<std::pair<double, double>> points) {
  std::sort(points.begin(), points.end());
  struct Block {
    double sum = 0, weight = 0, raw_sum = 0;
  };
  std::vector<Block> blocks;
  for (const auto& [raw, label] : points) {
    blocks.push_back(Block{label, 1, raw});
    while (blocks.size() > 1 && blocks[blocks.size() - 2].sum / blocks[blocks.size() - 2].weight >=
                                    blocks.back().sum / blocks.back().weight) {
      Block last = blocks.back();
      blocks.pop_back();
      blocks.back().sum += last.sum;
      blocks.back().weight += last.weight;
      blocks.back().raw_sum += last.raw_sum;
    }
  }
  std::vector<std::pair<double, double>> steps;
  for (const Block& b : blocks) steps.emplace_back(b.raw_sum / b.weight, b.sum / b.weight);
  return steps;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir, out_dir;
  int folds = 5;
  size_t max_articles = 0;
  std::string dump_path;
  Schedule schedule;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data_dir = argv[++i];
    else if (a == "--out" && i + 1 < argc) out_dir = argv[++i];
    else if (a == "--folds" && i + 1 < argc) folds = std::max(2, std::atoi(argv[++i]));
    else if (a == "--articles" && i + 1 < argc) max_articles = static_cast<size_t>(std::atol(argv[++i]));
    else if (a == "--dump" && i + 1 < argc) dump_path = argv[++i];
    else if (a == "--lr" && i + 1 < argc) schedule.lr = std::atof(argv[++i]);
    else if (a == "--epoch" && i + 1 < argc) schedule.epoch = std::max(1, std::atoi(argv[++i]));
    else inputs.push_back(a);
  }
  if (data_dir.empty() || out_dir.empty() || inputs.empty()) {
    std::fprintf(stderr, "usage: train_event_model --data DIR --out DIR [--folds K] [--articles N] [--dump FILE] [--lr X] [--epoch N] TRAIN.jsonl...\n");
    return 2;
  }
  std::sort(inputs.begin(), inputs.end());

  // Step 1: the labelled articles.
  std::vector<LabelledArticle> articles;
  for (const std::string& path : inputs)
    if (!ReadArticles(path, &articles)) return 1;
  // A subset for learning curves: every k-th article, so that each register is represented.
  if (max_articles && max_articles < articles.size()) {
    std::vector<LabelledArticle> subset;
    for (size_t i = 0; i < max_articles; ++i) subset.push_back(std::move(articles[i * articles.size() / max_articles]));
    articles = std::move(subset);
  }

  // Step 2: candidates and their labels.
  annals::PipelineOptions options;
  options.data_dir = data_dir;
  options.use_event_model = false;
  options.with_features = true;
  auto pipeline = annals::Pipeline::Load(options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "train_event_model: %s\n", pipeline.status().message().c_str());
    return 1;
  }
  std::vector<Candidate> candidates;
  size_t gold_total = 0;
  std::vector<size_t> gold_of(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    const annals::ArticleRecord record = pipeline.value()->Code(articles[i].article);
    LabelCandidates(i, articles[i], record, &candidates);
    gold_of[i] = articles[i].gold.size();
    gold_total += gold_of[i];
  }

  if (!dump_path.empty()) {
    // For experiments outside the build: one line per candidate, tab-separated: article
    // ordinal, register, the article's gold events, coded type, label, right (1 when
    // keeping it is a true positive), feature tokens.
    std::ofstream dump(dump_path, std::ios::binary);
    for (const Candidate& c : candidates)
      dump << c.article << '\t' << articles[c.article].corpus << '\t' << gold_of[c.article] << '\t' << c.type << '\t'
           << c.label << '\t' << c.correct() << '\t' << c.features << '\n';
    return 0;
  }

  // Step 3: out-of-fold probabilities, calibration and threshold.
  std::filesystem::create_directories(out_dir);
  const std::string scratch = out_dir + "/event_model.train.txt";
  const std::string fold_model = out_dir + "/event_model.fold.bin";
  for (int f = 0; f < folds; ++f) {
    std::vector<bool> use(candidates.size());
    for (size_t i = 0; i < candidates.size(); ++i) use[i] = static_cast<int>(candidates[i].article % folds) != f;
    Train(candidates, use, schedule, scratch, fold_model);
    auto model = annals::code::EventModel::LoadModelFile(fold_model, Calibration());
    if (!model.ok()) {
      std::fprintf(stderr, "train_event_model: %s\n", model.status().message().c_str());
      return 1;
    }
    for (size_t i = 0; i < candidates.size(); ++i) {
      if (use[i]) continue;
      std::vector<int32_t> ids;
      model.value()->TokenIds(Split(candidates[i].features), &ids);
      const annals::code::Decision decision = model.value()->Decide(ids, *annals::EventTypeFromString(candidates[i].type));
      candidates[i].likeliest = std::string(annals::ToString(decision.likeliest));
      candidates[i].raw = decision.raw;
    }
  }
  std::vector<std::pair<double, double>> points;
  for (const Candidate& c : candidates) points.emplace_back(c.raw, c.correct() ? 1.0 : 0.0);
  Calibration calibration(Isotonic(points), 0.5);
  std::vector<double> calibrated(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) calibrated[i] = calibration.Apply(candidates[i].raw);
  // The threshold: F1 over the folds of keeping every candidate at or above it.
  std::vector<double> levels = calibrated;
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  double best_f1 = -1, best_threshold = 0.5, best_p = 0, best_r = 0;
  for (double t : levels) {
    size_t tp = 0, fp = 0;
    for (size_t i = 0; i < candidates.size(); ++i)
      if (calibrated[i] >= t) (candidates[i].correct() ? tp : fp)++;
    const double p = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
    const double r = gold_total ? static_cast<double>(tp) / gold_total : 0;
    const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    if (f1 > best_f1) best_f1 = f1, best_threshold = t, best_p = p, best_r = r;
  }
  calibration = Calibration(Isotonic(points), best_threshold);

  // Step 4: the model on every candidate, its calibration and the report.
  Train(candidates, std::vector<bool>(candidates.size(), true), schedule, scratch, out_dir + "/" + annals::code::kEventModelFile);
  std::filesystem::remove(scratch);
  std::filesystem::remove(fold_model);
  std::ofstream(out_dir + "/" + annals::code::kEventCalibrationFile, std::ios::binary) << calibration.Write();

  std::ostringstream report;
  size_t positives = 0, retyped = 0;
  std::map<std::string, std::array<size_t, 3>> by_type;  // type -> (its own type, another type, none)
  for (const Candidate& c : candidates) {
    positives += c.event();
    retyped += c.event() && c.label != c.type;
    by_type[c.type][!c.event() ? 2 : c.label == c.type ? 0 : 1]++;
  }
  char line[256];
  std::snprintf(line, sizeof line,
                "articles %zu, gold events %zu, candidates %zu (event %zu, of which %zu of another type; none %zu), "
                "candidate recall %.3f\n",
                articles.size(), gold_total, candidates.size(), positives, retyped, candidates.size() - positives,
                gold_total ? static_cast<double>(positives) / gold_total : 0.0);
  report << line;
  report << "candidates by coded type (event of that type / of another type / none):";
  for (const auto& [type, counts] : by_type)
    report << ' ' << type << ' ' << counts[0] << '/' << counts[1] << '/' << counts[2];
  report << '\n';
  std::snprintf(line, sizeof line,
                "%d folds by article: at the chosen threshold %.3f, precision %.3f, recall %.3f, F1 %.3f "
                "(recall over every gold event)\n",
                folds, best_threshold, best_p, best_r, best_f1);
  report << line;
  size_t other_type = 0, other_named = 0, own_named_other = 0;
  for (const Candidate& c : candidates) {
    if (c.event() && c.label != c.type) other_type++, other_named += c.likeliest == c.label;
    if (c.event() && c.label == c.type) own_named_other += c.likeliest != c.type;
  }
  std::snprintf(line, sizeof line,
                "the likeliest type over the folds: %zu of %zu candidates labelled with another type get that type; "
                "%zu of %zu labelled with their own get another\n",
                other_named, other_type, own_named_other, positives - other_type);
  report << line;
  // By register: the folds' figures at the threshold.
  std::map<std::string, std::array<size_t, 4>> by_corpus;  // articles, gold, kept, kept and right
  for (size_t i = 0; i < articles.size(); ++i) by_corpus[articles[i].corpus][0]++, by_corpus[articles[i].corpus][1] += gold_of[i];
  for (size_t i = 0; i < candidates.size(); ++i)
    if (calibrated[i] >= best_threshold) {
      auto& c = by_corpus[articles[candidates[i].article].corpus];
      c[2]++;
      c[3] += candidates[i].correct();
    }
  report << "by register over the folds (articles, gold events, kept, precision, recall):\n";
  for (const auto& [corpus, c] : by_corpus) {
    std::snprintf(line, sizeof line, "  %s: %zu, %zu, %zu, %.3f, %.3f\n", corpus.c_str(), c[0], c[1], c[2],
                  c[2] ? static_cast<double>(c[3]) / c[2] : 0.0, c[1] ? static_cast<double>(c[3]) / c[1] : 0.0);
    report << line;
  }
  report << "reliability over the folds (raw probability decile: candidates, mean calibrated, observed share):\n";
  for (int b = 0; b < 10; ++b) {
    size_t n = 0, pos = 0;
    double sum = 0;
    for (size_t i = 0; i < candidates.size(); ++i)
      if (std::min(9, static_cast<int>(candidates[i].raw * 10)) == b)
        ++n, pos += candidates[i].correct(), sum += calibrated[i];
    if (!n) continue;
    std::snprintf(line, sizeof line, "  %.1f-%.1f: %zu, %.3f, %.3f\n", b / 10.0, (b + 1) / 10.0, n, sum / n,
                  static_cast<double>(pos) / n);
    report << line;
  }
  std::ofstream(out_dir + "/event_model_report.txt", std::ios::binary) << report.str();
  std::fputs(report.str().c_str(), stdout);
  return 0;
}
