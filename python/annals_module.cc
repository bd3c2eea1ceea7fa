// The Python module `annals`: the public header's Pipeline for notebooks and cluster
// workers (pybind11).
//
// How an item becomes a record
// ----------------------------
// A record from Python must be the record `annals code --format articles` writes for the
// same article, byte for byte, so the module re-implements no part of the command's path:
// items are turned into JSON Lines (Python's json.dumps; dates and datetimes as ISO
// strings), the lines go to an in-memory file (memfd), the public reader reads them back
// exactly as it reads a .jsonl file (field checks, the `html` field, ids, warnings), the
// Pipeline codes the articles and the public RecordFormatter writes each record's JSON.
// code_jsonl hands back those lines; code and code_many hand back json.loads of them.
//
// Items go through in chunks (kChunkItems items or kChunkBytes of JSON, whichever comes
// first) so that memory stays bounded for an iterable of any length. A chunk is read,
// coded and formatted without the GIL by `threads` threads taking articles from a shared
// counter, while the calling thread turns the previous chunk's records into Python
// objects and reads the next chunk's items; results keep the order of the items.
//
// Errors: a reader's skip report (an item that is not valid JSON, lacks a text, ...)
// raises annals.ReaderError carrying the reader's message, with "item N" (0-based) in
// place of the file position, unless errors="skip", which leaves the item out of the
// result as the command-line program does. A Pipeline that cannot load its resources
// raises annals.ResourceError. Both derive from annals.Error and carry `.code`, the
// reason's stable name ("missing_text", "invalid_json", ...).
#include <pybind11/pybind11.h>
#include <pybind11/eval.h>
#include <pybind11/stl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "annals/annals.h"

namespace py = pybind11;

namespace annals::python {
namespace {

constexpr size_t kChunkItems = 512;
constexpr size_t kChunkBytes = 8u << 20;

std::atomic<int> pipelines_loaded{0};

// The module's exception types, created at import.
PyObject* error_type = nullptr;
PyObject* reader_error_type = nullptr;
PyObject* resource_error_type = nullptr;

[[noreturn]] void Raise(PyObject* type, ErrorCode code, const std::string& message) {
  py::object exc = py::reinterpret_borrow<py::object>(type)(message);
  exc.attr("code") = std::string(ErrorCodeName(code));
  PyErr_SetObject(type, exc.ptr());
  throw py::error_already_set();
}

unsigned UsableThreads(int threads) {
  if (threads > 0) return static_cast<unsigned>(threads);
  const unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? n : 1;
}

// A file in memory that the public reader opens by path (/proc/self/fd/N).
class MemoryFile {
 public:
  MemoryFile() : fd_(::memfd_create("annals-python", MFD_CLOEXEC)) {
    if (fd_ < 0) throw std::runtime_error("annals: memfd_create failed");
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  // Replaces the contents.
  void Write(const std::string& contents) {
    if (::ftruncate(fd_, 0) != 0) throw std::runtime_error("annals: ftruncate failed");
    size_t done = 0;
    while (done < contents.size()) {
      const ssize_t n = ::pwrite(fd_, contents.data() + done, contents.size() - done, static_cast<off_t>(done));
      if (n <= 0) throw std::runtime_error("annals: writing the memory file failed");
      done += static_cast<size_t>(n);
    }
  }
  const std::string& path() const { return path_; }

 private:
  int fd_;
  std::string path_;
};

// The outcome of one item of a chunk.
struct Slot {
  std::optional<Article> article;
  ErrorCode error = ErrorCode::kOk;
  std::string message;  // the reader's reason, without its file position
  std::string json;     // the record's line, without its newline
  bool filled = false;  // the reader said something about this item
};

// "path:LINE: reason" -> LINE (1-based) and reason; 0 when the text has another form.
size_t SplitPosition(const std::string& text, const std::string& path, std::string* reason) {
  if (text.compare(0, path.size() + 1, path + ":") != 0) return 0;
  size_t at = path.size() + 1, line = 0;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9')
    line = line * 10 + static_cast<size_t>(text[at++] - '0');
  if (reason) *reason = text.compare(at, 2, ": ") == 0 ? text.substr(at + 2) : text.substr(at);
  return line;
}

class PyPipeline {
 public:
  explicit PyPipeline(const std::optional<std::string>& data_dir) {
    PipelineOptions options;
    if (data_dir) options.data_dir = *data_dir;
    auto loaded = Pipeline::Load(options);
    if (!loaded.ok()) Raise(resource_error_type, loaded.status().code(), loaded.status().message());
    pipeline_ = std::move(loaded).value();
    ++pipelines_loaded;
  }

  // One article -> its record (a dict).
  py::object Code(py::object text, py::object date, py::object title, py::object id) {
    if (!py::isinstance<py::str>(text)) throw py::type_error("annals: text must be a str");
    py::dict item;
    if (!id.is_none()) item["id"] = id;
    item["text"] = text;
    if (!date.is_none()) item["date"] = date;
    if (!title.is_none()) item["title"] = title;
    py::list out = Run(py::make_tuple(item), 1, /*skip=*/false, /*as_json=*/false, /*lines=*/false, /*single=*/true);
    return out[0];
  }

  py::list CodeMany(py::iterable items, int threads, const std::string& errors, bool as_json) {
    return Run(items, UsableThreads(threads), SkipErrors(errors), as_json, /*lines=*/false, false);
  }

  py::list CodeJsonl(py::iterable lines, int threads, const std::string& errors) {
    return Run(lines, UsableThreads(threads), SkipErrors(errors), /*as_json=*/true, /*lines=*/true, false);
  }

  // Every article of an input the command reads (.jsonl, .txt, .html, .warc, .warc.gz),
  // coded in chunks; reader reports keep their "path:line: " or "path:offset: ".
  py::list CodeFile(const std::string& path, int threads, const std::string& errors, bool as_json) {
    const bool skip = SkipErrors(errors);
    py::object loads = py::module_::import("json").attr("loads");
    Result<std::unique_ptr<ArticleReader>> reader = Status();
    {
      py::gil_scoped_release release;
      reader = OpenArticles(path);
    }
    if (!reader.ok()) Raise(reader_error_type, reader.status().code(), reader.status().message());
    py::list out;
    std::vector<Slot> slots;
    bool more = true;
    while (more) {
      {
        py::gil_scoped_release release;
        slots.clear();
        ReadItem item;
        while (slots.size() < kChunkItems && (more = reader.value()->Next(&item))) {
          Slot& slot = slots.emplace_back();
          slot.filled = true;
          slot.article = std::move(item.article);
          slot.error = item.error;
          slot.message = std::move(item.message);
        }
        CodeSlots(UsableThreads(threads), &slots);
      }
      for (Slot& slot : slots) {
        if (slot.error != ErrorCode::kOk) {
          if (skip) continue;
          Raise(reader_error_type, slot.error, slot.message);
        }
        if (as_json) out.append(py::str(slot.json));
        else out.append(loads(py::str(slot.json)));
      }
    }
    return out;
  }

 private:
  static bool SkipErrors(const std::string& errors) {
    if (errors == "raise") return false;
    if (errors == "skip") return true;
    throw py::value_error("annals: errors must be \"raise\" or \"skip\", not \"" + errors + "\"");
  }

  // Appends the JSON line of one item to `out`. Returns false, and appends a placeholder
  // line, when the item is a JSON Lines line that holds a line break.
  static bool AppendLine(py::handle item, bool lines, const py::object& dumps, std::string* out) {
    py::object json;
    if (lines) {
      if (!py::isinstance<py::str>(item) && !py::isinstance<py::bytes>(item))
        throw py::type_error("annals: code_jsonl takes lines (str), not " +
                             std::string(py::str(item.get_type().attr("__name__"))));
      json = py::reinterpret_borrow<py::object>(item);
    } else if (py::isinstance<py::dict>(item)) {
      json = dumps(item);
    } else if (py::isinstance<py::str>(item)) {
      py::dict d;
      d["text"] = item;
      json = dumps(d);
    } else {
      throw py::type_error("annals: code_many takes dicts (JSON Lines fields) or str (texts), not " +
                           std::string(py::str(item.get_type().attr("__name__"))));
    }
    std::string_view bytes;
    py::object encoded;
    if (py::isinstance<py::bytes>(json)) {
      bytes = std::string_view(PyBytes_AS_STRING(json.ptr()), static_cast<size_t>(PyBytes_GET_SIZE(json.ptr())));
    } else {
      // Lone surrogates pass as bytes that are not UTF-8, for the reader to report.
      encoded = py::reinterpret_steal<py::object>(PyUnicode_AsEncodedString(json.ptr(), "utf-8", "surrogatepass"));
      if (!encoded) throw py::error_already_set();
      bytes = std::string_view(PyBytes_AS_STRING(encoded.ptr()), static_cast<size_t>(PyBytes_GET_SIZE(encoded.ptr())));
    }
    if (!bytes.empty() && bytes.back() == '\n') bytes.remove_suffix(1);
    if (!bytes.empty() && bytes.back() == '\r') bytes.remove_suffix(1);
    // One item is one line: a line break inside becomes a line the reader rejects.
    if (bytes.find('\n') != std::string_view::npos) {
      out->append("{}\n");
      return false;
    }
    out->append(bytes);
    out->push_back('\n');
    return true;
  }

  // Reads, codes and formats one chunk of JSON Lines; called without the GIL.
  void CodeChunk(const MemoryFile& file, size_t count, unsigned threads, std::vector<Slot>* slots) const {
    slots->assign(count, Slot{});
    ReaderOptions options;
    options.format = InputFormat::kJsonl;
    auto reader = OpenArticles(file.path(), options);
    if (!reader.ok()) throw std::runtime_error("annals: " + reader.status().message());
    ReadItem item;
    while (reader.value()->Next(&item)) {
      const size_t line = SplitPosition(item.article ? item.article->origin : item.message, file.path(), nullptr);
      if (line == 0 || line > count) continue;  // cannot happen: every line is an item
      Slot& slot = (*slots)[line - 1];
      slot.filled = true;
      if (item.article) {
        slot.article = std::move(item.article);
      } else {
        slot.error = item.error;
        SplitPosition(item.message, file.path(), &slot.message);
      }
    }
    CodeSlots(threads, slots);
  }

  // Codes and formats the slots' articles by `threads` threads taking the next article
  // from a shared counter; called without the GIL.
  void CodeSlots(unsigned threads, std::vector<Slot>* slots) const {
    const size_t count = slots->size();
    std::atomic<size_t> next{0};
    const RecordFormatter formatter(OutputFormat::kArticles);
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < count;) {
        Slot& slot = (*slots)[i];
        if (!slot.article) continue;
        const ArticleRecord record = pipeline_->Code(*slot.article);
        formatter.Append(record, &slot.json);
        if (!slot.json.empty() && slot.json.back() == '\n') slot.json.pop_back();
        slot.article.reset();
      }
    };
    const unsigned n = std::min<unsigned>(threads, static_cast<unsigned>(std::max<size_t>(count, 1)));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
  }

  // One chunk of items on its way: its JSON Lines, its memory file and its outcomes.
  struct Chunk {
    MemoryFile file;
    std::string text;
    std::vector<Slot> slots;
    std::vector<size_t> broken;  // items that hold a line break
    size_t first = 0, count = 0;
  };

  py::list Run(py::iterable items, unsigned threads, bool skip, bool as_json, bool lines, bool single) {
    py::object dumps = py::module_::import("annals").attr("_dumps");
    py::object loads = py::module_::import("json").attr("loads");
    py::list out;
    // Two chunks: while one is coded (without the GIL), the caller's thread turns the
    // previous one's records into Python objects and reads the next one's items.
    Chunk chunks[2];
    std::future<void> coding;  // declared after the chunks: destroyed (awaited) first
    int filling = 0;
    auto wait = [&] {
      py::gil_scoped_release release;
      coding.get();  // rethrows what the coding threw
    };
    auto convert = [&](Chunk& c) {
      for (size_t i : c.broken) {
        c.slots[i].error = ErrorCode::kInvalidJson;
        c.slots[i].message = "the line holds a line break; JSON Lines hold one object per line";
      }
      for (size_t i = 0; i < c.count; ++i) {
        Slot& slot = c.slots[i];
        if (!slot.filled) continue;  // a blank line: the reader passes over it, as does the command
        if (slot.error != ErrorCode::kOk) {
          if (skip) continue;
          Raise(reader_error_type, slot.error,
                single ? slot.message : "item " + std::to_string(c.first + i) + ": " + slot.message);
        }
        if (as_json) out.append(py::str(slot.json));
        else out.append(loads(py::str(slot.json)));
      }
    };
    auto submit = [&] {  // the filling chunk goes to coding; the previous one is converted
      Chunk& c = chunks[filling];
      Chunk& previous = chunks[1 - filling];
      const bool has_previous = coding.valid();
      if (has_previous) wait();
      c.file.Write(c.text);
      coding = std::async(std::launch::async, [this, &c, threads] { CodeChunk(c.file, c.count, threads, &c.slots); });
      if (has_previous) convert(previous);
      filling = 1 - filling;
      Chunk& next = chunks[filling];
      next.first = c.first + c.count;
      next.count = 0;
      next.text.clear();
      next.broken.clear();
    };
    for (py::handle item : items) {
      Chunk& c = chunks[filling];
      if (!AppendLine(item, lines, dumps, &c.text)) c.broken.push_back(c.count);
      ++c.count;
      if (c.count >= kChunkItems || c.text.size() >= kChunkBytes) submit();
    }
    if (chunks[filling].count > 0) submit();
    if (coding.valid()) {
      wait();
      convert(chunks[1 - filling]);
    }
    return out;
  }

  std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace
}  // namespace annals::python

PYBIND11_MODULE(annals, m) {
  using annals::python::PyPipeline;
  namespace ap = annals::python;
  m.doc() =
      "annals: news reports in, structured event records out.\n\n"
      "    import annals\n"
      "    pipeline = annals.Pipeline()                 # loads the resources once\n"
      "    record = pipeline.code(text, date='2024-05-01', title='...')\n"
      "    records = pipeline.code_many(dicts, threads=4)\n\n"
      "Records are the dicts `annals code --format articles` writes (spec/EVENTS.md).";
  m.attr("__version__") = std::string(annals::Version());

  ap::error_type = PyErr_NewException("annals.Error", PyExc_Exception, nullptr);
  py::object bases_reader = py::make_tuple(py::handle(ap::error_type), py::handle(PyExc_ValueError));
  ap::reader_error_type = PyErr_NewException("annals.ReaderError", bases_reader.ptr(), nullptr);
  py::object bases_resource = py::make_tuple(py::handle(ap::error_type), py::handle(PyExc_RuntimeError));
  ap::resource_error_type = PyErr_NewException("annals.ResourceError", bases_resource.ptr(), nullptr);
  m.attr("Error") = py::handle(ap::error_type);
  m.attr("ReaderError") = py::handle(ap::reader_error_type);
  m.attr("ResourceError") = py::handle(ap::resource_error_type);
  for (PyObject* type : {ap::error_type, ap::reader_error_type, ap::resource_error_type})
    py::handle(type).attr("__module__") = "annals";

  // json.dumps as the reader wants it: UTF-8, one line, dates as ISO strings.
  py::exec(R"(
import datetime as _datetime, functools as _functools, json as _json
def _iso(value):
    if isinstance(value, (_datetime.date, _datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"annals: {type(value).__name__} is not JSON serializable")
_dumps = _functools.partial(_json.dumps, ensure_ascii=False, default=_iso)
)",
           m.attr("__dict__"));

  py::class_<PyPipeline>(m, "Pipeline",
                         "Loads annals' resources once (lexicons, gazetteer); codes articles from any thread.")
      .def(py::init<const std::optional<std::string>&>(), py::arg("data_dir") = py::none(),
           "Loads the resources from data_dir (default: $ANNALS_DATA, else the build's data folder).\n"
           "Raises annals.ResourceError when a resource is missing or malformed.")
      .def("code", &PyPipeline::Code, py::arg("text"), py::arg("date") = py::none(), py::arg("title") = py::none(),
           py::arg("id") = py::none(),
           "Codes one article and returns its record (a dict), the record `annals code` writes for\n"
           "the JSON Lines line {\"id\", \"text\", \"date\", \"title\"}. date: 'YYYY-MM-DD', an ISO 8601\n"
           "timestamp, or a datetime.date. Raises annals.ReaderError for a text the reader refuses\n"
           "(empty, not UTF-8).")
      .def("code_many", &PyPipeline::CodeMany, py::arg("items"), py::arg("threads") = 0,
           py::arg("errors") = "raise", py::arg("as_json") = false,
           "Codes an iterable of articles with `threads` threads (0: all cores) and returns their\n"
           "records in order. An item is a dict of JSON Lines fields (text or html; id, date, title,\n"
           "url, source, language) or a str (the text). errors='raise' raises annals.ReaderError\n"
           "('item N: reason') for the first bad item; errors='skip' leaves bad items out.\n"
           "as_json=True returns each record as the JSON line `annals code` writes (no newline).")
      .def("code_jsonl", &PyPipeline::CodeJsonl, py::arg("lines"), py::arg("threads") = 0,
           py::arg("errors") = "raise",
           "Codes JSON Lines lines (str, with or without their newline) and returns the lines\n"
           "`annals code --format articles` writes for them (no newline), in order. Blank lines are\n"
           "passed over; errors as in code_many.")
      .def("code_file", &PyPipeline::CodeFile, py::arg("path"), py::arg("threads") = 0, py::arg("errors") = "raise",
           py::arg("as_json") = false,
           "Codes every article of a file the command reads (.jsonl, .txt, .html, .warc, .warc.gz)\n"
           "and returns the records in order, as `annals code FILE` writes them. The reader's reports\n"
           "(\"path:line: reason\", \"path:offset: reason\") raise annals.ReaderError, or with\n"
           "errors='skip' leave the unit out.");

  m.def("_pipelines_loaded", [] { return ap::pipelines_loaded.load(); },
        "How many Pipelines this process has loaded (a diagnostic for cluster set-ups).");
}
