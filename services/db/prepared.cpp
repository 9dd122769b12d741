#include "services/db/prepared.h"

#include <cstdint>

#include <soci/sqlite3/soci-sqlite3.h>

namespace citygrants::db {
namespace {

// soci-sqlite3.h wraps sqlite3.h in namespace sqlite_api.
namespace sq = sqlite_api;

sq::sqlite3_stmt* handleOf(soci::statement& st) {
  auto* backend = static_cast<soci::sqlite3_statement_backend*>(st.get_backend());
  return backend != nullptr ? backend->stmt_ : nullptr;
}

[[noreturn]] void fail(sq::sqlite3_stmt* s, const char* where, int rc) {
  throw soci::sqlite3_soci_error(
      std::string(where) + ": " + sq::sqlite3_errmsg(sq::sqlite3_db_handle(s)), rc);
}

template <class T>
T& as(void* at) {
  return *static_cast<T*>(at);
}

// SQLITE_TRANSIENT, whose macro names its type outside the namespace soci-sqlite3.h puts it in.
const auto kCopyText =
    reinterpret_cast<sq::sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));

// As SOCI's SQLite backend binds it: integers as 64-bit, an empty optional as NULL, text copied
// (kCopyText: the variable may change or go while the rows are fetched).
int bind(sq::sqlite3_stmt* s, int i, Prepared::Kind kind, void* at) {
  using K = Prepared::Kind;
  switch (kind) {
    case K::kInt:
      return sq::sqlite3_bind_int64(s, i, as<int>(at));
    case K::kLong:
      return sq::sqlite3_bind_int64(s, i, as<long>(at));
    case K::kLongLong:
      return sq::sqlite3_bind_int64(s, i, as<long long>(at));
    case K::kDouble:
      return sq::sqlite3_bind_double(s, i, as<double>(at));
    case K::kString: {
      const auto& text = as<std::string>(at);
      return sq::sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), kCopyText);
    }
    case K::kOptInt:
      if (!as<std::optional<int>>(at)) return sq::sqlite3_bind_null(s, i);
      return sq::sqlite3_bind_int64(s, i, *as<std::optional<int>>(at));
    case K::kOptLong:
      if (!as<std::optional<long>>(at)) return sq::sqlite3_bind_null(s, i);
      return sq::sqlite3_bind_int64(s, i, *as<std::optional<long>>(at));
    case K::kOptLongLong:
      if (!as<std::optional<long long>>(at)) return sq::sqlite3_bind_null(s, i);
      return sq::sqlite3_bind_int64(s, i, *as<std::optional<long long>>(at));
    case K::kOptDouble:
      if (!as<std::optional<double>>(at)) return sq::sqlite3_bind_null(s, i);
      return sq::sqlite3_bind_double(s, i, *as<std::optional<double>>(at));
    case K::kOptString: {
      const auto& text = as<std::optional<std::string>>(at);
      if (!text) return sq::sqlite3_bind_null(s, i);
      return sq::sqlite3_bind_text(s, i, text->data(), static_cast<int>(text->size()), kCopyText);
    }
    case K::kOther:
      break;
  }
  return SQLITE_MISUSE;
}

std::string textOf(sq::sqlite3_stmt* s, int c) {
  const auto* text = reinterpret_cast<const char*>(sq::sqlite3_column_text(s, c));
  return text == nullptr ? std::string() : std::string(text, sq::sqlite3_column_bytes(s, c));
}

void read(sq::sqlite3_stmt* s, int c, Prepared::Kind kind, void* at);

// An optional target: empty for NULL, else the value read as its plain kind.
template <class T>
void readOptional(sq::sqlite3_stmt* s, int c, bool null, Prepared::Kind plain, void* at) {
  auto& target = as<std::optional<T>>(at);
  if (null) {
    target.reset();
    return;
  }
  read(s, c, plain, &target.emplace());
}

// As SOCI's SQLite backend reads it (SQLite's conversions by the column accessor), NULL into a
// plain variable refused as SOCI refuses it. The optional kinds come last in Prepared::Kind.
static_assert(Prepared::Kind::kOptInt > Prepared::Kind::kString &&
              Prepared::Kind::kOptString > Prepared::Kind::kOptInt);
void read(sq::sqlite3_stmt* s, int c, Prepared::Kind kind, void* at) {
  using K = Prepared::Kind;
  const bool null = sq::sqlite3_column_type(s, c) == SQLITE_NULL;
  if (null && kind < K::kOptInt)
    throw soci::soci_error("Null value fetched and no indicator defined.");
  switch (kind) {
    case K::kInt:
      as<int>(at) = sq::sqlite3_column_int(s, c);
      return;
    case K::kLong:
      as<long>(at) = sq::sqlite3_column_int64(s, c);
      return;
    case K::kLongLong:
      as<long long>(at) = sq::sqlite3_column_int64(s, c);
      return;
    case K::kDouble:
      as<double>(at) = sq::sqlite3_column_double(s, c);
      return;
    case K::kString:
      as<std::string>(at) = textOf(s, c);
      return;
    case K::kOptInt:
      return readOptional<int>(s, c, null, K::kInt, at);
    case K::kOptLong:
      return readOptional<long>(s, c, null, K::kLong, at);
    case K::kOptLongLong:
      return readOptional<long long>(s, c, null, K::kLongLong, at);
    case K::kOptDouble:
      return readOptional<double>(s, c, null, K::kDouble, at);
    case K::kOptString:
      return readOptional<std::string>(s, c, null, K::kString, at);
    case K::kOther:
      return;
  }
}

// Hands one value kept by Prepared to SOCI, as use() or into() would have; a use by name when
// `name` is not null.
template <bool kInto>
void toSoci(soci::statement& st, Prepared::Kind kind, void* at, const char* name = nullptr) {
  auto exchange = [&](auto& value) {
    if constexpr (kInto) {
      st.exchange(soci::into(value));
    } else if (name != nullptr) {
      st.exchange(soci::use(value, std::string(name)));
    } else {
      st.exchange(soci::use(value));
    }
  };
  using K = Prepared::Kind;
  switch (kind) {
    case K::kInt:
      exchange(as<int>(at));
      return;
    case K::kLong:
      exchange(as<long>(at));
      return;
    case K::kLongLong:
      exchange(as<long long>(at));
      return;
    case K::kDouble:
      exchange(as<double>(at));
      return;
    case K::kString:
      exchange(as<std::string>(at));
      return;
    case K::kOptInt:
      exchange(as<std::optional<int>>(at));
      return;
    case K::kOptLong:
      exchange(as<std::optional<long>>(at));
      return;
    case K::kOptLongLong:
      exchange(as<std::optional<long long>>(at));
      return;
    case K::kOptDouble:
      exchange(as<std::optional<double>>(at));
      return;
    case K::kOptString:
      exchange(as<std::optional<std::string>>(at));
      return;
    case K::kOther:
      return;
  }
}

}  // namespace

Prepared::Prepared(soci::statement* kept, bool* in_use, std::unique_ptr<soci::statement> owned,
                   bool sqlite)
    : st_(kept != nullptr ? kept : owned.get()),
      in_use_(in_use),
      owned_(std::move(owned)),
      sqlite_(sqlite),
      direct_(sqlite && handleOf(*st_) != nullptr) {
  if (in_use_ != nullptr) *in_use_ = true;
}

Prepared::Prepared(Prepared&& other) noexcept
    : st_(other.st_),
      in_use_(other.in_use_),
      owned_(std::move(other.owned_)),
      sqlite_(other.sqlite_),
      direct_(other.direct_),
      done_(other.done_),
      uses_(other.uses_),
      intos_(other.intos_),
      uses_count_(other.uses_count_),
      intos_count_(other.intos_count_) {
  other.st_ = nullptr;
  other.in_use_ = nullptr;
}

Prepared::~Prepared() {
  if (st_ == nullptr || owned_) return;
  if (sqlite_) {
    if (auto* s = handleOf(*st_)) {
      sq::sqlite3_reset(s);
      sq::sqlite3_clear_bindings(s);  // no text of a variable that is gone stays bound
    }
  }
  st_->bind_clean_up();
  if (in_use_ != nullptr) *in_use_ = false;
}

void Prepared::bySoci() {
  if (!direct_) return;
  direct_ = false;
  for (std::size_t i = 0; i < intos_count_; ++i) toSoci<true>(*st_, intos_[i].kind, intos_[i].at);
  auto* s = handleOf(*st_);
  for (std::size_t i = 0; i < uses_count_; ++i) {
    const int index = uses_[i].index;
    // SQLite names the parameter as the query wrote it (":name"); SOCI wants the name alone.
    const char* name = index != 0 ? sq::sqlite3_bind_parameter_name(s, index) + 1 : nullptr;
    toSoci<false>(*st_, uses_[i].kind, uses_[i].at, name);
  }
}

int Prepared::indexOf(const std::string& name) {
  const std::string parameter = ":" + name;
  const int index = sq::sqlite3_bind_parameter_index(handleOf(*st_), parameter.c_str());
  if (index == 0) throw soci::soci_error("Cannot bind (by name) to " + parameter);
  return index;
}

bool Prepared::execute() {
  if (!direct_) {
    st_->define_and_bind();
    return st_->execute(true);
  }
  auto* s = handleOf(*st_);
  sq::sqlite3_reset(s);
  std::size_t by_name = 0;
  for (std::size_t i = 0; i < uses_count_; ++i) by_name += uses_[i].index != 0 ? 1 : 0;
  if (by_name != 0 && by_name != uses_count_)
    throw soci::soci_error("Binding for use elements must be either by position or by name.");
  for (std::size_t i = 0; i < uses_count_; ++i) {
    const int at = uses_[i].index != 0 ? uses_[i].index : static_cast<int>(i) + 1;
    const int rc = bind(s, at, uses_[i].kind, uses_[i].at);
    if (rc != SQLITE_OK) fail(s, "sqlite3_bind", rc);
  }
  done_ = false;
  return stepOnce();
}

bool Prepared::fetch() {
  if (!direct_) return st_->fetch();
  return !done_ && stepOnce();
}

bool Prepared::stepOnce() {
  auto* s = handleOf(*st_);
  const int rc = sq::sqlite3_step(s);
  if (rc == SQLITE_DONE) {
    done_ = true;  // a step past the end would run the statement again
    return false;
  }
  if (rc != SQLITE_ROW) {
    done_ = true;
    fail(s, "sqlite3_step", rc);
  }
  for (std::size_t i = 0; i < intos_count_; ++i)
    read(s, static_cast<int>(i), intos_[i].kind, intos_[i].at);
  return true;
}

long long Prepared::affectedRows() {
  if (!direct_) return st_->get_affected_rows();
  return sq::sqlite3_changes(sq::sqlite3_db_handle(handleOf(*st_)));
}

}  // namespace citygrants::db
