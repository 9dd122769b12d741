#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "modules/core/problem.h"

namespace citygrants::http {

// What an integer literal outside int64 becomes before parsing (see ApiRequest::json): a string
// no client sends, which JsonReader reports as "out of range".
inline constexpr const char* kOutOfRangeMarker = "\x01citygrants:out-of-range-number";
inline constexpr const char* kOutOfRangeMarkerJson = "\\u0001citygrants:out-of-range-number";

// Reads the fields of a JSON request body strictly: each wrong type, missing required field,
// overlong string, out-of-range number and unknown field becomes a named field error, and
// finish() throws them all at once as Problem(kInvalid) — answered 422.
class JsonReader {
 public:
  // `prefix` names nested objects in errors: "budget[2]."
  explicit JsonReader(Poco::JSON::Object::Ptr object, std::string prefix = "");

  std::optional<std::string> text(const std::string& name, bool required, std::size_t max_chars = 200);
  std::optional<std::int64_t> integer(const std::string& name, bool required, std::int64_t min,
                                      std::int64_t max);
  std::optional<bool> boolean(const std::string& name, bool required);
  // An ISO 8601 date-time with a zone ("2026-12-31T23:59:59Z") as epoch milliseconds.
  std::optional<std::int64_t> time(const std::string& name, bool required);
  std::optional<std::vector<std::string>> textList(const std::string& name, bool required,
                                                   std::size_t max_items, std::size_t max_chars);
  std::optional<std::vector<std::int64_t>> integerList(const std::string& name, bool required,
                                                      std::size_t max_items, std::int64_t min,
                                                      std::int64_t max);
  // An array of objects; each is read by a nested JsonReader whose errors join this one's.
  Poco::JSON::Array::Ptr objectList(const std::string& name, bool required, std::size_t max_items);
  JsonReader nested(const Poco::JSON::Array::Ptr& list, std::size_t index, const std::string& name);
  // An object field, read by a nested reader (prefix "name."); absorb() it when done.
  std::optional<JsonReader> child(const std::string& name, bool required);
  // The member names of this reader's object, for objects keyed by data (a breakdown's values).
  std::vector<std::string> names() const;

  void fail(const std::string& name, core::Message message);
  // Adds the nested reader's errors (after its own finish-time checks).
  void absorb(JsonReader& nested);
  // Throws Problem::invalid with every error, unknown fields included.
  void finish();
  std::vector<core::FieldError> errors();

 private:
  std::optional<Poco::Dynamic::Var> find(const std::string& name, bool required);
  Poco::JSON::Object::Ptr object_;
  std::string prefix_;
  std::set<std::string> read_;
  std::vector<core::FieldError> errors_;
};

}  // namespace citygrants::http
