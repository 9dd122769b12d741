#include "tests/web/http_fixture.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

#include <unistd.h>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <soci/soci.h>

#include "services/crypto/digest.h"
#include "services/db/migrator.h"
#include "services/seed/demo_seed.h"
#include "web/http/api_router.h"

namespace citygrants::webtest {
namespace {

bool changesState(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool hasHeader(const Headers& headers, const std::string& name) {
  for (const auto& [k, v] : headers) {
    if (Poco::icompare(k, name) == 0) return true;
  }
  return false;
}

void parseBody(Response& out) {
  const auto media = out.mediaType();
  if (media != "application/json" && media != "application/problem+json") return;
  try {
    Poco::JSON::Parser parser;
    auto parsed = parser.parse(out.body);
    if (parsed.type() == typeid(Poco::JSON::Object::Ptr)) out.json = parsed.extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    out.json = nullptr;
  }
}

void takeHead(Response& out, const Poco::Net::HTTPResponse& response) {
  out.status = static_cast<int>(response.getStatus());
  for (const auto& [name, value] : response) {
    out.headers.emplace_back(name, value);
    if (Poco::icompare(name, "Set-Cookie") == 0) out.set_cookies.push_back(value);
  }
}

// Reads what the server answered.
Response receive(Poco::Net::HTTPClientSession& session) {
  Response out;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Poco::StreamCopier::copyToString(in, out.body);
  takeHead(out, response);
  parseBody(out);
  return out;
}

// Reads an answer straight from the socket (after the request could not be sent in full).
Response receiveRaw(Poco::Net::StreamSocket& socket) {
  Response out;
  Poco::Net::SocketInputStream in(socket);
  Poco::Net::HTTPResponse response;
  response.read(in);
  const auto length = response.getContentLength64();
  if (length > 0) {
    out.body.resize(static_cast<std::size_t>(length));
    in.read(out.body.data(), length);
    out.body.resize(static_cast<std::size_t>(in.gcount()));
  }
  takeHead(out, response);
  parseBody(out);
  return out;
}

// A session with the server on 127.0.0.1:port, from `source` when it is not empty (Poco 1.11's
// session cannot bind its socket: it is given one already connected).
std::unique_ptr<Poco::Net::HTTPClientSession> connect(std::uint16_t port,
                                                      const std::string& source) {
  const Poco::Timespan timeout(20, 0);
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  if (source.empty()) {
    session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", port);
  } else {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress::IPv4);
    socket.impl()->bind(Poco::Net::SocketAddress(source, 0));
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", port), timeout);
    socket.setReceiveTimeout(timeout);
    socket.setSendTimeout(timeout);
    session = std::make_unique<Poco::Net::HTTPClientSession>(socket);
  }
  session->setTimeout(timeout);
  return session;
}

void keepCookies(Client& client, const Response& r) {
  for (const auto& raw : r.set_cookies) {
    const auto pair = raw.substr(0, raw.find(';'));
    const auto eq = pair.find('=');
    if (eq == std::string::npos) continue;
    const auto name = Poco::trim(pair.substr(0, eq));
    const auto value = Poco::trim(pair.substr(eq + 1));
    if (value.empty() || value == "\"\"") {  // the server clears a cookie by setting it empty
      client.cookies.erase(name);
    } else {
      client.cookies[name] = value;
    }
  }
}

}  // namespace

TempDb::TempDb(const std::string& stem, std::size_t pool_size) : scratch(stem) {
  db = std::make_unique<db::Database>(db::parseConnectionString(scratch.where()),
                                      db::Database::Options{pool_size, true});
  db::migrate(*db);
}

TempDb::~TempDb() { db.reset(); }

std::string Response::header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (Poco::icompare(k, name) == 0) return v;
  }
  return "";
}

std::string Response::mediaType() const {
  std::string type = header("Content-Type");
  type = type.substr(0, type.find(';'));
  return Poco::trim(type);
}

bool Response::isProblem() const {
  if (mediaType() != "application/problem+json" || json.isNull()) return false;
  for (const char* field : {"type", "title", "detail"}) {
    if (!json->has(field) || !json->get(field).isString() || json->getValue<std::string>(field).empty()) {
      return false;
    }
  }
  return json->has("status") && json->get("status").isInteger() && json->getValue<int>("status") == status;
}

Response Client::signIn(const std::string& login, const std::string& password) {
  std::string body = "{\"email\":" + quoted(login) + ",\"password\":" + quoted(password);
  if (otp != nullptr) {
    if (const auto code = otp->next(login)) body += ",\"otp\":" + quoted(*code);
  }
  auto r = post("/api/v1/session", body + "}");
  if (r.status == 201 && !r.json.isNull() && r.json->has("csrf_token")) {
    csrf_token = r.json->getValue<std::string>("csrf_token");
    email = login;
  }
  return r;
}

Response Client::get(const std::string& path, const Headers& headers) {
  return send("GET", path, "", "", headers);
}

Response Client::post(const std::string& path, const std::string& json, const Headers& headers) {
  return send("POST", path, json, "application/json", headers);
}

Response Client::put(const std::string& path, const std::string& json, const Headers& headers) {
  return send("PUT", path, json, "application/json", headers);
}

Response Client::del(const std::string& path, const Headers& headers) {
  return send("DELETE", path, "", "", headers);
}

Response Client::send(const std::string& method, const std::string& path, const std::string& body,
                      const std::string& content_type, const Headers& headers, bool chunked) {
  auto opened = connect(port, source_address);
  auto& session = *opened;
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!source_address.empty()) request.setHost("127.0.0.1", port);
  if (!content_type.empty()) request.setContentType(content_type);
  if (chunked) {
    request.setChunkedTransferEncoding(true);
  } else if (!body.empty() || changesState(method)) {
    request.setContentLength(static_cast<std::streamsize>(body.size()));
  }
  if (!cookies.empty() && !hasHeader(headers, "Cookie")) {
    Poco::Net::NameValueCollection jar;
    for (const auto& [name, value] : cookies) jar.add(name, value);
    request.setCookies(jar);
  }
  if (csrf_token && changesState(method) && !hasHeader(headers, "X-CSRF-Token")) {
    request.set("X-CSRF-Token", *csrf_token);
  }
  if (bearer && !hasHeader(headers, "Authorization")) request.set("Authorization", "Bearer " + *bearer);
  for (const auto& [name, value] : headers) request.set(name, value);
  bool sent = true;
  try {
    std::ostream& out = session.sendRequest(request);
    out << body;
    out.flush();
    sent = out.good();
  } catch (const Poco::Exception&) {
    sent = false;
  }
  Response r;
  try {
    // The server may answer (413) and close before it has read the whole body: the session
    // then refuses to read, so the answer is read from the socket itself.
    r = sent ? receive(session) : receiveRaw(session.socket());
  } catch (const Poco::Exception& e) {
    r.status = 0;
    r.body = "no answer: " + e.displayText();
  }
  keepCookies(*this, r);
  if (r.status == 401 && otp != nullptr && auto_step_up && !email.empty() &&
      path != "/api/v1/session/step-up" && !r.json.isNull() &&
      r.json->optValue<std::string>("type", "").ends_with("/step-up-required")) {
    if (const auto code = otp->next(email)) {
      const auto up = post("/api/v1/session/step-up", "{\"otp\":" + quoted(*code) + "}");
      if (up.status == 200) return send(method, path, body, content_type, headers, chunked);
    }
  }
  return r;
}

Server::Server(bool seed) : Server(seed, http::HttpServerOptions{}) {}

Server::Server(bool seed, const http::HttpServerOptions& options)
    : store_(std::make_unique<TempDb>("webtest")), db_(store_->db.get()), where_(store_->scratch.where()), options_(options) {
  if (seed) seed::seedDemo({*db_, clock_}, {.password = kDemoPassword, .totp_secret = kDemoTotpSecret});
  start();
}

Server::Server(const std::string& where)
    : attached_(std::make_unique<db::Database>(db::parseConnectionString(where), db::Database::Options{4})),
      db_(attached_.get()),
      where_(where) {
  start();
}

std::unique_ptr<Server> Server::anotherInstance(Server& first) {
  return std::unique_ptr<Server>(new Server(first.dbWhere()));
}

void Server::start() {
  ::setenv("CITYGRANTS_ACCESS_LOG", "off", 1);
  ctx_ = std::make_unique<http::ApiContext>(
      http::ApiContext{*db_, clock_, metrics_, {}, false, &auth_cache_, &responses_, &console_});
  options_.host = "127.0.0.1";
  options_.port = 0;
  server_ = std::make_unique<http::HttpServer>(new http::ApiRouter(*ctx_), options_, &metrics_);
  port_ = static_cast<std::uint16_t>(server_->port());
  server_->start();
}

Server::~Server() {
  server_->stop();
  server_.reset();
}

Client Server::signedIn(const std::string& email) {
  // A person with a second factor stays signed in from test to test, as in a browser, and steps
  // up at once (a fund manager at work has usually just typed a code): the server takes each
  // code once and only around now, so signing in anew every time, or stepping up in the middle
  // of a race between threads, would wait for the clock. A session that has ended meanwhile
  // (signed out, expired) is replaced; a step-up older than four minutes is renewed. Tests of the
  // step-up itself use a client of their own (client()).
  struct Kept {
    Client client;
    std::int64_t stepped_up_at;
  };
  static std::mutex mu;
  static std::map<std::pair<std::uint16_t, std::string>, Kept> kept;
  const bool has_factor =
      queryInt(*db_, "SELECT COUNT(*) FROM second_factors f JOIN users u ON u.id = f.user_id "
                     "WHERE f.confirmed_at IS NOT NULL AND u.email = '" + email + "'")
          .value_or(0) > 0;
  auto stepUp = [&](Client& c) {
    const auto code = otp_.next(email);
    const auto r = c.post("/api/v1/session/step-up", "{\"otp\":" + quoted(code.value_or("")) + "}");
    if (r.status != 200) throw std::runtime_error("step-up of " + email + " answered " + r.body);
  };
  std::lock_guard lock(mu);
  const auto key = std::make_pair(port_, email);
  if (has_factor) {
    if (auto it = kept.find(key); it != kept.end()) {
      Client c = it->second.client;
      c.otp = &otp_;
      const auto me = c.get("/api/v1/me");
      if (me.status == 200 && !me.json.isNull() && me.json->optValue<std::string>("email", "") == email) {
        if (nowMs() - it->second.stepped_up_at > 4 * 60'000) {
          stepUp(c);
          it->second.stepped_up_at = nowMs();
        }
        return c;
      }
      kept.erase(it);
    }
  }
  Client c = client();
  const auto r = c.signIn(email);
  if (r.status != 201 || !c.csrf_token || !c.cookies.count("cg_session")) {
    throw std::runtime_error("sign-in of " + email + " answered " + std::to_string(r.status) + ": " + r.body);
  }
  if (has_factor) {
    stepUp(c);
    kept.insert_or_assign(key, Kept{c, nowMs()});
  }
  return c;
}

namespace {
std::unique_ptr<Server>& seededSlot() {
  static std::unique_ptr<Server> slot;
  return slot;
}
std::unique_ptr<Server>& emptySlot() {
  static std::unique_ptr<Server> slot;
  return slot;
}
}  // namespace

SeededServer::SeededServer() { seededSlot() = std::make_unique<Server>(true); }
SeededServer::~SeededServer() { seededSlot().reset(); }
Server& SeededServer::get() { return *seededSlot(); }
EmptyServer::EmptyServer() { emptySlot() = std::make_unique<Server>(false); }
EmptyServer::~EmptyServer() { emptySlot().reset(); }
Server& EmptyServer::get() { return *emptySlot(); }

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += buf;
    } else {
      out += c;  // other bytes as they are: invalid UTF-8 stays invalid
    }
  }
  return out + "\"";
}

}  // namespace citygrants::webtest
