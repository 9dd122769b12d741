#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Object.h>

#include "services/clock.h"
#include "services/db/database.h"
#include "web/http/api_types.h"
#include "web/http/console_assets.h"
#include "web/http/http_server.h"
#include "web/http/metrics.h"
#include "tests/support/scratch_database.h"
#include "tests/web/otp_source.h"

// The web tests' harness: a real server on a loopback port over a fresh database, and a small
// HTTP client with a cookie jar. Only 127.0.0.1 is ever contacted.
namespace citygrants::webtest {

using testing::ScratchDatabase;

// Every demo login's password in the test databases.
inline constexpr const char* kDemoPassword = "demo-password-1";
// The TOTP key of the demo's fund managers and admin in the test databases (Base32).
inline constexpr const char* kDemoTotpSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

using Headers = std::vector<std::pair<std::string, std::string>>;

// A fresh database with every migration applied (an SQLite file, or a PostgreSQL schema in the
// run on PostgreSQL: tests/support/scratch_database.h), removed on destruction.
struct TempDb {
  explicit TempDb(const std::string& stem, std::size_t pool_size = 4);
  ~TempDb();
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
  ScratchDatabase scratch;  // first: outlives `db`
  std::unique_ptr<db::Database> db;
};

// One HTTP answer as the client saw it.
struct Response {
  int status = 0;
  Headers headers;                       // in the order received; names as sent
  std::vector<std::string> set_cookies;  // each Set-Cookie header, raw
  std::string body;
  Poco::JSON::Object::Ptr json;          // the body when it is a JSON object, else null

  // The first header named `name` (case-insensitive), or "".
  std::string header(const std::string& name) const;
  // The media type without parameters ("application/problem+json").
  std::string mediaType() const;
  // Whether the body is an RFC 9457 problem with "type", "title", "status" (== status), "detail".
  bool isProblem() const;
};

// A client of the server on 127.0.0.1:port: keeps the cookies the server sets and the CSRF token
// of its last sign-in, and sends both with every request (the token only on state-changing ones).
// Each request opens a new connection, so a refused body never poisons the next request.
struct Client {
  explicit Client(std::uint16_t server_port) : port(server_port) {}

  // POST /api/v1/session, with the user's next code when they have a second factor and the
  // client has `otp`; on 201 remembers the csrf_token and the email.
  Response signIn(const std::string& email, const std::string& password = kDemoPassword);
  Response get(const std::string& path, const Headers& headers = {});
  Response post(const std::string& path, const std::string& json, const Headers& headers = {});
  Response put(const std::string& path, const std::string& json, const Headers& headers = {});
  Response del(const std::string& path, const Headers& headers = {});
  // Any request. An empty `content_type` sends no Content-Type. A header given in `headers`
  // replaces the automatic one of the same name (Cookie, X-CSRF-Token). `chunked` sends the body
  // with chunked transfer encoding instead of a Content-Length.
  Response send(const std::string& method, const std::string& path, const std::string& body,
                const std::string& content_type, const Headers& headers = {}, bool chunked = false);

  std::uint16_t port;
  std::map<std::string, std::string> cookies;
  std::optional<std::string> csrf_token;
  std::optional<std::string> bearer;  // sent as Authorization: Bearer when set
  // The loopback address the client connects from ("127.0.0.2": another client address as the
  // server sees it); empty: the system's choice (127.0.0.1).
  std::string source_address;
  // Where codes of second factors come from (the server's database); none: no code is sent.
  OtpSource* otp = nullptr;
  // With `otp`: a 401 step-up-required is answered as the console does, by
  // POST /api/v1/session/step-up with the next code, and the request is sent again once.
  bool auto_step_up = true;
  std::string email;  // whom the last successful signIn signed in
};

// The server under test, built exactly like `citygrants serve` builds it (caches on), on an
// ephemeral port.
class Server {
 public:
  // `seed`: fill the database with the demo fund (every login's password kDemoPassword).
  explicit Server(bool seed);
  // With the front door's limits and thread count of `options` (host and port are ignored:
  // 127.0.0.1 on an ephemeral port).
  Server(bool seed, const http::HttpServerOptions& options);
  // Another instance on the database of `first` (DESIGN §8): its own database sessions, caches,
  // metrics, threads and port; nothing shared but the database. `first` must outlive it.
  static std::unique_ptr<Server> anotherInstance(Server& first);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  db::Database& db() { return *db_; }
  // The connection string of the server's database.
  const std::string& dbWhere() const { return where_; }
  std::uint16_t port() const { return port_; }
  // A client of this server whose sign-ins and step-ups get codes (OtpSource).
  Client client() {
    Client c(port_);
    c.otp = &otp_;
    return c;
  }
  OtpSource& otp() { return otp_; }
  // What every route function of this server uses. A test may change its settings (sign-in
  // limits, trusted proxies) while no request is in flight, and must restore them.
  http::ApiContext& context() { return *ctx_; }
  // A client signed in as `email`. REQUIRES: the sign-in succeeds (checked).
  Client signedIn(const std::string& email);

 private:
  explicit Server(const std::string& where);  // anotherInstance
  void start();
  std::unique_ptr<TempDb> store_;            // the database this instance made, or
  std::unique_ptr<db::Database> attached_;   // its own sessions on another instance's
  db::Database* db_ = nullptr;
  std::string where_;
  services::SystemClock clock_;
  OtpSource otp_{*db_};
  http::Metrics metrics_;
  auth::AuthCache auth_cache_{1000, 1000, 1000};
  http::ResponseCache responses_{1000, 16 * 1024 * 1024, 1000};
  http::ConsoleAssets console_ = http::ConsoleAssets::embedded();
  std::unique_ptr<http::ApiContext> ctx_;
  http::HttpServerOptions options_;
  std::unique_ptr<http::HttpServer> server_;
  std::uint16_t port_ = 0;
};

// Boost suite fixtures (`*boost::unit_test::fixture<SeededServer>()`): one server for the whole
// suite, since seeding hashes a dozen argon2id passwords. get() REQUIRES: inside such a suite.
struct SeededServer {
  SeededServer();
  ~SeededServer();
  static Server& get();
};
struct EmptyServer {
  EmptyServer();
  ~EmptyServer();
  static Server& get();
};

// SHA-256 over every row of every application table (name order; rows ORDER BY 1), each column
// rendered by its type. Leaves out sessions, login_attempts and schema_migrations, which sign-in
// and the migrator change by design.
std::string databaseDigest(db::Database& db);

// The first value of `sql`, a SELECT of one integer column with at most one bound parameter
// `:p`, or nullopt when there is no row or it is NULL.
std::optional<std::int64_t> queryInt(db::Database& db, const std::string& sql,
                                     std::optional<std::int64_t> p = std::nullopt);

// The same for a text column.
std::optional<std::string> queryText(db::Database& db, const std::string& sql,
                                     std::optional<std::int64_t> p = std::nullopt);

// Runs `sql` (a statement of the test's own, not a use case) as one write, committed.
void execSql(db::Database& db, const std::string& sql);

// `text` with its JSON string escapes, in quotes.
std::string quoted(const std::string& text);

// The wall clock in epoch milliseconds, as the server under test reads it.
inline std::int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace citygrants::webtest
