// annals: news reports in, structured event records out.
//
// This is the one public header. The CLI, the server, the Python binding and any
// embedding program include only this file. It declares:
//   - Status / Result<T>: how every fallible call reports bad input (no exceptions);
//   - Article: one input news report;
//   - ArticleRecord and its parts: the output contract of spec/EVENTS.md;
//   - Pipeline: loads the resources once and codes articles (thread-safe);
//   - ArticleReader: JSON Lines, plain text, HTML, WARC and stdin readers;
//   - record formatting: articles (JSONL), events (JSONL), CSV, GeoJSON.
#ifndef ANNALS_ANNALS_H_
#define ANNALS_ANNALS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace annals {

// ---------------------------------------------------------------- errors

enum class ErrorCode {
  kOk = 0,
  kInvalidJson,       // a JSON Lines line is not a JSON object
  kMissingText,       // an article has no `text` string
  kInvalidUtf8,       // the bytes are not UTF-8
  kInvalidField,      // a known field has the wrong type or form
  kTooLarge,          // an input unit exceeds a configured limit
  kIo,                // a file could not be opened or read
  kMissingResource,   // a compiled lexicon or the gazetteer is absent
  kCorruptResource,   // a compiled resource is present but malformed
  kInvalidArgument,   // a caller passed an argument outside the contract
  kDuplicateId,       // an article's id was read before in the same ingest run
};

// The reason code as a short stable word ("invalid_json", ...), used in summaries.
std::string_view ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }
  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}                 // NOLINT: implicit by design
  Result(Status status) : value_(std::move(status)) {}          // NOLINT: must not be ok()
  bool ok() const { return std::holds_alternative<T>(value_); }
  const T& value() const& { return std::get<T>(value_); }
  T& value() & { return std::get<T>(value_); }
  T&& value() && { return std::get<T>(std::move(value_)); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(value_); }

 private:
  std::variant<T, Status> value_;
};

// ---------------------------------------------------------------- input

// One news report. `text` is required and must be valid UTF-8; the rest may be absent.
struct Article {
  std::string id;                     // given, or the 16-hex-digit hash of the text
  std::string text;
  std::optional<std::string> date;    // publication date, normalised to YYYY-MM-DD
  std::optional<std::string> title;
  std::optional<std::string> url;
  std::optional<std::string> source;
  std::string language = "en";
  std::string origin;                 // "file:line" or "file", for messages
  std::vector<std::string> warnings;  // problems the reader fixed or ignored
};

// The id annals gives an article without one: the first 16 hex digits of a 64-bit
// FNV-1a hash of its text, so that re-running the same input gives the same ids.
std::string ArticleIdForText(std::string_view text);

// ---------------------------------------------------------------- output

enum class Field : uint8_t { kText, kTitle };

// A byte span [start, end) into the article's text (or title, when field is kTitle).
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  Field field = Field::kText;
};

enum class PlaceKind : uint8_t { kCountry, kAdmin1, kAdmin2, kCity, kSublocation, kDemonym, kUnresolved };
enum class LocationPrecision : uint8_t { kSublocation, kCity, kAdmin2, kAdmin1, kCountry };

// A toponym found in the article, resolved or not.
struct PlaceMention {
  std::string mention;
  Span span;
  std::optional<int64_t> geonameid;
  std::optional<std::string> name;
  std::optional<double> lat, lon;
  std::optional<std::string> country;   // ISO 3166-1 alpha-2
  std::optional<std::string> admin1;    // first-level division name
  PlaceKind kind = PlaceKind::kUnresolved;
};

// Where an event happened.
struct Location {
  std::optional<std::string> mention;
  std::optional<int64_t> geonameid;
  std::optional<std::string> name;
  std::optional<double> lat, lon;
  std::optional<std::string> country;   // ISO 3166-1 alpha-2
  std::optional<std::string> admin1;
  // GeoNames admin2 code within admin1 ("62"), when the place lies in a known admin2
  // division; with country and admin1 it names the division (the store's dedup uses it).
  std::optional<std::string> admin2;
  LocationPrecision precision = LocationPrecision::kCountry;
};

enum class ActorKind : uint8_t {
  kPolice, kMilitary, kGovernment, kMigrants, kRefugees, kProtesters, kRioters, kCivilians,
  kRebels, kMilitia, kCriminals, kMedia, kJudiciary, kParty, kNgo, kIgo, kBusiness, kLabor,
  kStudents, kHealth, kReligious, kPerson, kUnknown,
};
inline constexpr int kActorKindCount = 23;

struct Actor {
  std::string text;                     // as written
  ActorKind kind = ActorKind::kUnknown;
  std::optional<std::string> country;   // ISO 3166-1 alpha-3
  std::optional<std::string> sector;    // CAMEO agent code, e.g. "COP"
  std::string code;                     // CAMEO actor code, e.g. "FRACOP"
  std::optional<int64_t> count;
  Span span;                            // where the phrase is
};

// PLOVER event types, in the order of spec/EVENTS.md.
enum class EventType : uint8_t {
  kAgree, kConsult, kSupport, kConcede, kCooperate, kAid, kRetreat, kInvestigate, kDemand,
  kDisapprove, kReject, kThreaten, kSanction, kProtest, kCrime, kMobilize, kCoerce, kAssault,
};
inline constexpr int kEventTypeCount = 18;

enum class EventStatus : uint8_t { kOccurred, kAttempted, kPlanned, kThreatened, kDenied, kHypothetical };
enum class DatePrecision : uint8_t { kDay, kWeek, kMonth, kYear, kArticle };

struct Seized {
  std::string what;
  std::optional<int64_t> count;
};

struct Outcome {
  std::optional<int64_t> killed, injured, hospitalized, arrested, displaced, participants;
  std::vector<Seized> seized;
};

struct AcledType {
  std::string event_type;      // one of ACLED's 6 event types, spelled as ACLED does
  std::string sub_event_type;  // one of ACLED's 25 sub-event types
};

struct Event {
  std::string id;                       // article id + "-e" + ordinal
  EventType type = EventType::kConsult;
  std::string mode;                     // PLOVER mode; empty when unknown
  std::string cameo;                    // 2 to 4 digits
  std::optional<AcledType> acled;       // absent for verbal events
  std::optional<std::string> date;      // YYYY-MM-DD
  DatePrecision date_precision = DatePrecision::kArticle;
  std::optional<Location> location;
  std::vector<Actor> source, target;
  Outcome outcome;
  EventStatus status = EventStatus::kOccurred;
  std::vector<std::string> attribution;
  std::vector<Span> evidence;           // sentences the event was read from (at least one)
  double confidence = 0.0;
  std::string trigger;                  // the words that signalled the event, as written
  Span trigger_span;
  std::vector<std::string> explanation; // the rules that fired, in order, for the analyst
  // The event model's input tokens (src/code/features.h), filled only when
  // PipelineOptions::with_features is set; not part of the output contract.
  std::vector<std::string> features;
};

struct Quote {
  std::string text;
  std::optional<std::string> speaker;
  Span span;
};

// Everything annals read from one article: the output contract of spec/EVENTS.md.
struct ArticleRecord {
  std::string id;
  std::optional<std::string> date;
  std::optional<std::string> title;
  std::optional<std::string> url;       // the article's address, when the input gives one
  std::optional<std::string> source;    // the outlet, when the input names it
  std::string language = "en";
  std::optional<std::string> dateline;
  std::vector<PlaceMention> places;
  std::vector<Event> events;
  std::vector<Quote> quotes;
  std::vector<std::string> warnings;
};

// The words of the output contract for each enum value ("PROTEST", "police", "day", ...).
std::string_view ToString(PlaceKind kind);
std::string_view ToString(LocationPrecision precision);
std::string_view ToString(ActorKind kind);
std::string_view ToString(EventType type);
std::string_view ToString(EventStatus status);
std::string_view ToString(DatePrecision precision);
// The inverses; nullopt for a word outside the contract.
std::optional<ActorKind> ActorKindFromString(std::string_view word);
std::optional<EventType> EventTypeFromString(std::string_view word);

// ---------------------------------------------------------------- the pipeline

struct PipelineOptions {
  // Folder with the compiled resources (gazetteer.bin, lexicons). Empty: the
  // ANNALS_DATA environment variable, else the build tree's data folder.
  std::string data_dir;
  // Whether the learned decision (src/code/event_model.h) judges each candidate event:
  // its calibrated probability is the event's confidence, and events below
  // min_confidence are left out. false keeps every candidate with confidence 0.5 (the
  // trainer's view, which must not depend on the model it trains); the model files are
  // then not needed.
  bool use_event_model = true;
  // Events whose confidence is below this are left out. nullopt: the model's own
  // threshold, the one that maximised F1 over its training folds (0.32 or so). The
  // default keeps every candidate, each with its confidence: at the model's threshold
  // the ACLED notes, PLOVER sentences and the seed article lose events the rules find
  // (README, "The event model"), so the filter is the user's choice for now.
  std::optional<double> min_confidence = 0.0;
  // Fill Event::features (for the trainer and for inspection).
  bool with_features = false;
};

// Owns the loaded, read-only resources. Load once; Code() from any number of threads.
class Pipeline {
 public:
  // Loads every resource; an error names the missing or malformed file.
  static Result<std::unique_ptr<Pipeline>> Load(const PipelineOptions& options = {});
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Codes one article. Never fails: problems inside the article become record warnings.
  ArticleRecord Code(const Article& article) const;

  // The minimum confidence in force (PipelineOptions::min_confidence or the model's
  // default; 0 without the model).
  double min_confidence() const;

  struct Impl;

 private:
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// ---------------------------------------------------------------- readers

// kHtml: one web page per file (its main text, title and date); kWarc: the HTML
// responses of a WARC file of a web crawl, plain or gzip-compressed.
enum class InputFormat : uint8_t { kAuto, kJsonl, kText, kHtml, kWarc };

// One unit read from an input: an article, or the reason a unit was skipped.
struct ReadItem {
  std::optional<Article> article;
  ErrorCode error = ErrorCode::kOk;   // set when article is absent
  std::string message;                // "file:line: reason" when article is absent
};

// Streams the articles of one input. Not thread-safe; one reader per input.
class ArticleReader {
 public:
  virtual ~ArticleReader() = default;
  // Fills `item` with the next article or skip report; returns false at the end.
  virtual bool Next(ReadItem* item) = 0;
  // Bytes consumed so far, and the input's size when known (0 otherwise), for progress.
  virtual uint64_t BytesRead() const = 0;
  virtual uint64_t SizeHint() const { return 0; }
};

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension, else by the first bytes; "-" is JSON Lines
  uint64_t max_article_bytes = 64u << 20;   // a larger unit is skipped as kTooLarge
};

// Opens `path` ("-" for stdin). Fails only when the input cannot be opened at all.
Result<std::unique_ptr<ArticleReader>> OpenArticles(const std::string& path,
                                                    const ReaderOptions& options = {});

// ---------------------------------------------------------------- writers

enum class OutputFormat : uint8_t { kArticles, kEvents, kCsv, kGeoJson };

// Formats records as text. Stateless apart from the framing that CSV (a header) and
// GeoJSON (the FeatureCollection around the features) need.
class RecordFormatter {
 public:
  explicit RecordFormatter(OutputFormat format) : format_(format) {}
  // Text that goes before the first record ("" for JSON Lines).
  std::string Begin() const;
  // Appends one article's output: a line for kArticles, a line per event for kEvents and
  // kCsv, the features of its located events for kGeoJson (possibly nothing).
  void Append(const ArticleRecord& record, std::string* out) const;
  // What goes between two non-empty outputs of Append (",\n" for GeoJSON, else "").
  std::string_view Separator() const;
  // Text that goes after the last record.
  std::string End() const;

 private:
  OutputFormat format_;
};

// The CSV columns of --format csv, in order.
const std::vector<std::string_view>& CsvColumns();

std::string_view Version();

}  // namespace annals

#endif  // ANNALS_ANNALS_H_
