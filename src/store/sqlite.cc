#include "store/sqlite.h"

#include <sqlite3.h>

namespace annals::store {
namespace {

// The first words of a statement, for error messages.
std::string Head(std::string_view sql) {
  size_t start = sql.find_first_not_of(" \n\t");
  if (start == std::string_view::npos) return {};
  sql.remove_prefix(start);
  std::string out(sql.substr(0, 60));
  for (char& c : out)
    if (c == '\n' || c == '\t') c = ' ';
  return sql.size() > 60 ? out + "..." : out;
}

Status SqliteError(sqlite3* db, std::string_view what) {
  return Status(ErrorCode::kIo, std::string("sqlite: ") + (db ? sqlite3_errmsg(db) : "out of memory") + " (" +
                                    std::string(what) + ")");
}

}  // namespace

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = other.db_;
    other.db_ = nullptr;
  }
  return *this;
}

Result<Database> Database::Open(const std::string& path, bool read_only) {
  Database db;
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db.db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
    return SqliteError(db.db_, "opening '" + path + "'");
  sqlite3_extended_result_codes(db.db_, 1);
  sqlite3_busy_timeout(db.db_, 10000);
  return db;
}

Status Database::Exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string m = message ? message : "error";
    sqlite3_free(message);
    return Status(ErrorCode::kIo, "sqlite: " + m + " (" + Head(sql) + ")");
  }
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                         nullptr) != SQLITE_OK)
    return SqliteError(db_, Head(sql));
  return Statement(stmt, db_);
}

int64_t Database::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
int Database::Changes() const { return sqlite3_changes(db_); }
std::string Database::ErrorMessage() const { return sqlite3_errmsg(db_); }

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    db_ = other.db_;
    status_ = other.status_;
    other.stmt_ = nullptr;
  }
  return *this;
}

void Statement::BindInt(int i, int64_t value) { sqlite3_bind_int64(stmt_, i, value); }
void Statement::BindDouble(int i, double value) { sqlite3_bind_double(stmt_, i, value); }
void Statement::BindText(int i, std::string_view value) {
  sqlite3_bind_text(stmt_, i, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}
void Statement::BindNull(int i) { sqlite3_bind_null(stmt_, i); }
void Statement::BindOptionalText(int i, const std::optional<std::string>& value) {
  if (value) BindText(i, *value);
  else BindNull(i);
}
void Statement::BindOptionalInt(int i, const std::optional<int64_t>& value) {
  if (value) BindInt(i, *value);
  else BindNull(i);
}
void Statement::BindOptionalDouble(int i, const std::optional<double>& value) {
  if (value) BindDouble(i, *value);
  else BindNull(i);
}

bool Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE && status_.ok()) status_ = SqliteError(db_, Head(sqlite3_sql(stmt_)));
  return false;
}

Status Statement::Run() {
  while (Step()) {
  }
  Status s = status_;
  Reset();
  return s;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  status_ = Status::Ok();
}

bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::Double(int col) const { return sqlite3_column_double(stmt_, col); }
std::string_view Statement::Text(int col) const {
  const unsigned char* text = sqlite3_column_text(stmt_, col);
  if (!text) return {};
  return std::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}
std::optional<std::string> Statement::OptionalText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return std::string(Text(col));
}
std::optional<int64_t> Statement::OptionalInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}
std::optional<double> Statement::OptionalDouble(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Double(col);
}

Transaction::Transaction(Database* db) : db_(db) {
  status_ = db_->Exec("BEGIN IMMEDIATE");
  open_ = status_.ok();
}

Transaction::~Transaction() {
  if (open_) (void)db_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  if (!open_) return status_.ok() ? Status(ErrorCode::kInvalidArgument, "no open transaction") : status_;
  Status s = db_->Exec("COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace annals::store
