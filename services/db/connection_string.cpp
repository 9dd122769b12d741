#include "services/db/connection_string.h"

#include <regex>

#include "modules/core/problem.h"

namespace citygrants::db {

ConnectionString parseConnectionString(std::string_view text) {
  using core::Problem;
  ConnectionString out;
  if (text.starts_with("sqlite:")) {
    out.dialect = Dialect::kSqlite;
    out.path = std::string(text.substr(7));
    if (out.path.empty()) throw Problem::invalidField("db", "sqlite: needs a file path");
    if (out.path.find_first_of(" '\"") != std::string::npos) {
      throw Problem::invalidField("db", "the database path must not contain spaces or quotes");
    }
    out.connect = "db=" + out.path + " timeout=10 shared_cache=false";
    out.display = "sqlite:" + out.path;
    return out;
  }
  if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
    out.dialect = Dialect::kPostgres;
    out.connect = std::string(text);  // libpq takes URIs as they are
    // Hide a password in user:password@host.
    out.display = std::regex_replace(out.connect, std::regex("//([^:/@]+):[^@]*@"), "//$1:***@");
    return out;
  }
  throw Problem::invalidField("db", "expected sqlite:PATH or postgresql://user@host:port/db");
}

}  // namespace citygrants::db
