#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "web/http/json_encode.h"

// Builders of the JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) that the OpenAPI
// document gives for request and response bodies. Each returns a new object.
namespace citygrants::http::schema {

// The largest amount in minor units a request may carry (10^18), as the handlers read it.
inline constexpr std::int64_t kMaxMoneyMinor = 1'000'000'000'000'000;

// {"type": "integer", "format": "int64"}, optionally within [min, max].
JsonObject integer();
JsonObject integer(std::int64_t min, std::int64_t max);
JsonObject atLeast(std::int64_t min);
JsonObject boolean();
// {"type": "string"}, optionally with a maxLength in characters (code points).
JsonObject text();
JsonObject text(std::size_t max_length);
// A string matching `pattern` (ECMA-262), at most `max_length` characters.
JsonObject matching(const std::string& pattern, std::size_t max_length);
// An ISO 8601 UTC date-time string, as json_encode's isoTime writes it.
JsonObject dateTime();
// A string that is one of `values`.
JsonObject choice(const std::vector<std::string>& values);
// The same, and at most `max_length` characters (what the reader checks before the values).
JsonObject choice(const std::vector<std::string>& values, std::size_t max_length);
// {"$ref": "#/components/schemas/NAME"}.
JsonObject ref(const std::string& component);
JsonObject list(const JsonObject& items);
JsonObject list(const JsonObject& items, std::size_t max_items);
// `s` or null: its "type" becomes [type, "null"] (and null joins an "enum"); a schema without a
// "type" (a $ref) becomes {"anyOf": [s, {"type": "null"}]}.
JsonObject nullable(const JsonObject& s);
// Sets s's description; returns s.
JsonObject describe(JsonObject s, const std::string& description);

// One member of an object schema.
struct Member {
  std::string name;
  JsonObject schema;
  bool required = true;
};
// A member a request may leave out. The reader takes null for absent, so null is allowed too.
Member optionalIn(const std::string& name, const JsonObject& s);
// A member a response always carries, null when the value is unknown (setOptional, setTime).
Member nullableOut(const std::string& name, const JsonObject& s);

// An object with exactly `members` (additionalProperties: false), the required ones listed.
JsonObject closed(const std::vector<Member>& members);
// A list page, as http::page writes it: {"items": [ref(component)], "total", "next"}.
JsonObject pageOf(const std::string& component);
// pageOf's members, for a page that carries more (see ReviewComparison).
std::vector<Member> pageMembers(const std::string& component);

// Strings from a list of names.
std::vector<std::string> names(const std::vector<std::string_view>& views);

}  // namespace citygrants::http::schema
