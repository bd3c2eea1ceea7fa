// A thin RAII layer over SQLite's C API (Debian's libsqlite3): a connection that owns
// its handle and prepared statements that bind parameters by position. Every value
// reaches SQL through a bound parameter; SQL text is only ever made of fixed fragments.
//
// Errors come back as Status (kIo for SQLite failures, with SQLite's message and the
// statement's first words); nothing throws.
#ifndef ANNALS_STORE_SQLITE_H_
#define ANNALS_STORE_SQLITE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "annals/annals.h"

struct sqlite3;
struct sqlite3_stmt;

namespace annals::store {

class Statement;

class Database {
 public:
  Database() = default;
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Database& operator=(Database&& other) noexcept;

  // Opens (creating unless `read_only`) the database file at `path`.
  static Result<Database> Open(const std::string& path, bool read_only);

  // Runs one or more statements without parameters (schema, pragmas).
  Status Exec(std::string_view sql);
  // Prepares one statement.
  Result<Statement> Prepare(std::string_view sql);

  int64_t LastInsertRowid() const;
  int Changes() const;
  // The message of the last error on this connection.
  std::string ErrorMessage() const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// A prepared statement. Bind* take 1-based parameter indices; Step returns true while
// a row is available and false when done; an error leaves the statement's status set.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept : stmt_(other.stmt_), db_(other.db_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&& other) noexcept;

  void BindInt(int i, int64_t value);
  void BindDouble(int i, double value);
  void BindText(int i, std::string_view value);
  void BindNull(int i);
  void BindOptionalText(int i, const std::optional<std::string>& value);
  void BindOptionalInt(int i, const std::optional<int64_t>& value);
  void BindOptionalDouble(int i, const std::optional<double>& value);

  // Advances. Returns true when a row is ready; false when the statement is done or
  // failed (then status() says why).
  bool Step();
  // Runs a statement that returns no rows, then resets it for reuse.
  Status Run();
  // Clears bindings and rewinds; the statement's status becomes ok again.
  void Reset();
  Status status() const { return status_; }

  bool IsNull(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string_view Text(int col) const;  // "" for NULL
  std::optional<std::string> OptionalText(int col) const;
  std::optional<int64_t> OptionalInt(int col) const;
  std::optional<double> OptionalDouble(int col) const;

 private:
  friend class Database;
  Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
  Status status_;
};

// A transaction: BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless
// Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database* db);
  ~Transaction();
  Status status() const { return status_; }
  Status Commit();

 private:
  Database* db_;
  Status status_;
  bool open_ = false;
};

}  // namespace annals::store

#endif  // ANNALS_STORE_SQLITE_H_
