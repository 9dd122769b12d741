#include "services/db/connection_string.h"

#include <regex>

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include "modules/core/problem.h"

namespace citygrants::db {
namespace {

// SOCI 4.0.3's postgresql backend does not pass libpq URIs through intact, so the URI is turned
// into libpq's keyword form: host=... port=... dbname=... user=... password=...
std::string postgresKeywords(std::string_view text) {
  using core::Problem;
  Poco::URI uri;
  try {
    uri = Poco::URI(std::string(text));
  } catch (const Poco::Exception&) {
    throw Problem::invalidField("db", core::Message::verbatim("not a valid postgresql:// address"));
  }
  std::string db = uri.getPath();
  if (!db.empty() && db[0] == '/') db.erase(0, 1);
  if (uri.getHost().empty() || db.empty() || db.find('/') != std::string::npos) {
    throw Problem::invalidField(
        "db", core::Message::verbatim("expected postgresql://user@host:port/database"));
  }
  auto quote = [](const std::string& v) {
    std::string q = "'";
    for (char c : v) {
      if (c == '\\' || c == '\'') q += '\\';
      q += c;
    }
    return q + "'";
  };
  std::string out = "host=" + quote(uri.getHost()) + " dbname=" + quote(db);
  if (uri.getPort() != 0) out += " port=" + std::to_string(uri.getPort());
  const std::string info = uri.getUserInfo();
  const auto colon = info.find(':');
  if (!info.empty()) out += " user=" + quote(info.substr(0, colon));
  if (colon != std::string::npos) out += " password=" + quote(info.substr(colon + 1));
  bool timeout_given = false;
  for (const auto& [key, value] : uri.getQueryParameters()) {
    if (key == "schema") {
      // The schema the fund's tables live in (several funds, or test runs, on one database).
      if (!std::regex_match(value, std::regex("[a-z_][a-z0-9_]{0,62}"))) {
        throw Problem::invalidField(
            "db", core::Message::verbatim("schema must be a lower-case SQL name"));
      }
      out += " options=" + quote("-csearch_path=" + value);
    } else if (key == "sslmode" || key == "connect_timeout" || key == "application_name") {
      out += " " + key + "=" + quote(value);
      timeout_given |= key == "connect_timeout";
    }
  }
  if (!timeout_given) out += " connect_timeout=5";  // a server that is down fails fast
  // A server that vanished without closing the connection is noticed within ~15 s.
  out += " keepalives=1 keepalives_idle=5 keepalives_interval=3 keepalives_count=3";
  return out;
}

}  // namespace

ConnectionString parseConnectionString(std::string_view text) {
  using core::Problem;
  ConnectionString out;
  if (text.starts_with("sqlite:")) {
    out.dialect = Dialect::kSqlite;
    out.path = std::string(text.substr(7));
    if (out.path.empty())
      throw Problem::invalidField("db", core::Message::verbatim("sqlite: needs a file path"));
    if (out.path.find_first_of(" '\"") != std::string::npos) {
      throw Problem::invalidField(
          "db", core::Message::verbatim("the database path must not contain spaces or quotes"));
    }
    out.connect = "db=" + out.path + " timeout=10 shared_cache=false";
    out.display = "sqlite:" + out.path;
    return out;
  }
  if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
    out.dialect = Dialect::kPostgres;
    out.connect = postgresKeywords(text);
    // Hide a password in user:password@host.
    out.display = std::regex_replace(std::string(text), std::regex("//([^:/@]+):[^@]*@"), "//$1:***@");
    return out;
  }
  throw Problem::invalidField(
      "db", core::Message::verbatim("expected sqlite:PATH or postgresql://user@host:port/db"));
}

}  // namespace citygrants::db
