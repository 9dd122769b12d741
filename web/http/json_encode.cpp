#include "web/http/json_encode.h"

#include <chrono>
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
  using namespace std::chrono;
  const sys_time<milliseconds> at{milliseconds(epoch_ms)};
  const sys_days day = floor<days>(at);
  const year_month_day date(day);
  const int y = static_cast<int>(date.year());
  if (y < 0 || y > 9999) {  // not four digits: as printf writes it
    const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(epoch_ms % 1000));
    return buf;
  }
  // Digits by hand: snprintf and gmtime_r's lock were a tenth of a computed list page.
  const hh_mm_ss<milliseconds> time(at - day);
  std::string out = "0000-00-00T00:00:00.000Z";
  auto put = [&out](std::size_t end, unsigned value) {
    for (std::size_t i = end; value != 0; value /= 10)
      out[--i] = static_cast<char>('0' + value % 10);
  };
  put(4, static_cast<unsigned>(y));
  put(7, static_cast<unsigned>(date.month()));
  put(10, static_cast<unsigned>(date.day()));
  put(13, static_cast<unsigned>(time.hours().count()));
  put(16, static_cast<unsigned>(time.minutes().count()));
  put(19, static_cast<unsigned>(time.seconds().count()));
  put(23, static_cast<unsigned>(time.subseconds().count()));
  return out;
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
