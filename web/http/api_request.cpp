#include <Poco/JSON/Parser.h>

#include "modules/core/text.h"
#include "web/http/api_types.h"
#include "web/http/json_reader.h"
#include "web/http/json_writer.h"

namespace citygrants::http {
namespace {

// Strict base-10 digits, no sign, no leading '+', within int64.
std::optional<std::int64_t> parseInt(const std::string& text, bool allow_negative) {
  if (text.empty() || text.size() > 19 + (allow_negative ? 1 : 0)) return std::nullopt;
  std::size_t i = 0;
  const bool negative = allow_negative && text[0] == '-';
  if (negative) i = 1;
  if (i == text.size()) return std::nullopt;
  std::int64_t value = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_add_overflow(value, text[i] - '0', &value)) {
      return std::nullopt;
    }
  }
  return negative ? -value : value;
}

// Poco 1.11's JSON parser wraps integers past 2^64 silently (18446744073709551616 reads as 0).
// Before parsing, every integer literal outside int64 is replaced by a marker string that
// JsonReader answers as "out of range" under the field's name. Strings are left alone.
std::string markOversizedIntegers(const std::string& body) {
  std::string out;
  out.reserve(body.size());
  bool in_string = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < body.size()) {
        out += body[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    if ((c >= '0' && c <= '9') || c == '-') {
      std::size_t j = i + (c == '-' ? 1 : 0);
      const std::size_t digits = j;
      while (j < body.size() && body[j] >= '0' && body[j] <= '9') ++j;
      const bool integer = j >= body.size() || (body[j] != '.' && body[j] != 'e' && body[j] != 'E');
      if (integer && j > digits && !parseInt(body.substr(i, j - i), true)) {
        out += "\"" + std::string(kOutOfRangeMarkerJson) + "\"";
      } else {
        out.append(body, i, j - i);
      }
      i = j - 1;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

std::int64_t ApiRequest::id(const std::string& name) const {
  auto it = params.find(name);
  auto value = it == params.end() ? std::nullopt : parseInt(it->second, false);
  if (!value || *value <= 0) throw core::Problem::notFound("record");
  return *value;
}

Poco::JSON::Object::Ptr ApiRequest::json() const {
  const std::string type = http.getContentType();
  const auto semicolon = type.find(';');
  std::string media = type.substr(0, semicolon);
  while (!media.empty() && media.back() == ' ') media.pop_back();
  if (media != "application/json") {
    throw HttpError(415, "unsupported-media-type", "request.send_json");
  }
  if (!core::utf8Length(body)) {
    throw HttpError(400, "malformed-json", "request.body_not_utf8");
  }
  Poco::JSON::Parser parser;
  parser.setDepth(16);
  parser.setAllowNullByte(false);
  Poco::Dynamic::Var parsed;
  try {
    parsed = parser.parse(markOversizedIntegers(body));
  } catch (const Poco::Exception&) {
    throw HttpError(400, "malformed-json", "request.body_not_json");
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw HttpError(400, "malformed-json", "request.body_not_object");
  }
  return parsed.extract<Poco::JSON::Object::Ptr>();
}

std::int64_t ApiRequest::ifMatch() const {
  if (!http.has("If-Match")) {
    throw HttpError(428, "precondition-required", "request.if_match_required");
  }
  std::string v = http.get("If-Match");
  if (v.starts_with("W/")) v.erase(0, 2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  if (!v.empty() && v[0] == 'v') v.erase(0, 1);
  auto version = parseInt(v, false);
  if (!version) {
    throw HttpError(400, "bad-if-match", "request.if_match_form");
  }
  return *version;
}

std::optional<std::int64_t> ApiRequest::queryInt(const std::string& name, std::int64_t min,
                                                 std::int64_t max) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  auto value = parseInt(it->second, min < 0);
  if (!value || *value < min || *value > max) {
    throw HttpError(400, "bad-query", {"query.bad", {{"name", name}}},
                    {{name, {"field.whole_number_range", {{"min", min}, {"max", max}}}}});
  }
  return value;
}

std::optional<std::string> ApiRequest::queryText(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  if (!core::utf8Length(it->second) || it->second.size() > 200) {
    throw HttpError(400, "bad-query", {"query.bad", {{"name", name}}},
                    {{name, {"field.too_long", {{"max", 200}}}}});
  }
  return it->second;
}

ApiResponse jsonResponse(std::string body, int status) {
  ApiResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

ApiResponse jsonResponse(const Poco::JSON::Object::Ptr& object, int status) {
  JsonWriter w;
  w.value(object);
  return jsonResponse(w.take(), status);
}

ApiResponse versionedResponse(std::string body, std::int64_t version, int status) {
  auto r = jsonResponse(std::move(body), status);
  r.headers.emplace_back("ETag", "\"v" + std::to_string(version) + "\"");
  return r;
}

ApiResponse versionedResponse(const Poco::JSON::Object::Ptr& object, std::int64_t version, int status) {
  JsonWriter w;
  w.value(object);
  return versionedResponse(w.take(), version, status);
}

}  // namespace citygrants::http
