#include "web/http/json_encode.h"

#include <cstdio>
#include <ctime>

#include "modules/core/money.h"

namespace citygrants::http {

JsonObject object() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

JsonObject money(std::int64_t minor, const std::string& currency) {
  auto o = object();
  o->set("amount_minor", minor);
  o->set("currency", currency);
  o->set("formatted", core::Money(minor, currency).format());
  return o;
}

void writeMoney(JsonWriter& w, std::int64_t minor, const std::string& currency) {
  w.open().field("amount_minor", minor).field("currency", currency);
  w.field("formatted", core::Money(minor, currency).format()).close();
}

void writeMoney(JsonWriter& w, const std::optional<std::int64_t>& minor, const std::string& currency) {
  if (minor) {
    writeMoney(w, *minor, currency);
  } else {
    w.null();
  }
}

std::string isoTime(std::int64_t epoch_ms) {
  const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(epoch_ms % 1000));
  return buf;
}

void setTime(JsonObject o, const std::string& key, const std::optional<std::int64_t>& epoch_ms) {
  if (epoch_ms) {
    o->set(key, isoTime(*epoch_ms));
  } else {
    o->set(key, Poco::Dynamic::Var());
  }
}

void setOptional(JsonObject o, const std::string& key, const std::optional<std::int64_t>& value) {
  if (value) {
    o->set(key, *value);
  } else {
    o->set(key, Poco::Dynamic::Var());
  }
}

void setOptional(JsonObject o, const std::string& key, const std::optional<std::string>& value) {
  if (value) {
    o->set(key, *value);
  } else {
    o->set(key, Poco::Dynamic::Var());
  }
}

JsonArray strings(const std::vector<std::string>& items) {
  JsonArray out = new Poco::JSON::Array;
  for (const auto& s : items) out->add(s);
  return out;
}

JsonObject page(const JsonArray& items, std::int64_t total, const std::optional<std::string>& next) {
  auto o = object();
  o->set("items", items);
  o->set("total", total);
  setOptional(o, "next", next);
  return o;
}

}  // namespace citygrants::http
