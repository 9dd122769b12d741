#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <Poco/Dynamic/Var.h>

namespace citygrants::http {

// JSON written straight into the answer's body, in the order it is written: no tree of
// Poco::JSON objects built and then walked through an ostream a character at a time (that was a
// quarter of a computed proposal read and two fifths of a list page). The bytes are those
// Poco::JSON's Stringifier writes (compact, the same escapes), so an answer does not change
// with the way it was encoded; a test holds the two together.
//   JsonWriter w;
//   w.open().key("id").number(7).key("tags").openArray().string("a").close().close();
//   std::string body = w.take();  // {"id":7,"tags":["a"]}
// Values and keys are written where the caller is: an object's members as key() then one value,
// an array's items as values. The writer separates them; it does not check the grammar.
class JsonWriter {
 public:
  JsonWriter& open();       // {
  JsonWriter& openArray();  // [
  JsonWriter& close();      // the innermost } or ]
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view text);
  JsonWriter& number(std::int64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // A value of a Poco::JSON tree (an object, an array or a scalar), as Poco would write it.
  JsonWriter& value(const Poco::Dynamic::Var& any);

  // Members that are common enough to be one call.
  JsonWriter& field(std::string_view name, std::string_view text) { return key(name).string(text); }
  JsonWriter& field(std::string_view name, const char* text) { return key(name).string(text); }
  JsonWriter& field(std::string_view name, const std::string& text) { return key(name).string(text); }
  JsonWriter& field(std::string_view name, std::int64_t value) { return key(name).number(value); }
  JsonWriter& field(std::string_view name, int value) { return key(name).number(value); }
  JsonWriter& field(std::string_view name, bool value) = delete;  // flag(): not a number
  JsonWriter& flag(std::string_view name, bool value) { return key(name).boolean(value); }
  // The value, or null when absent (as setOptional in json_encode.h).
  JsonWriter& optionalField(std::string_view name, const std::optional<std::int64_t>& value) {
    return value ? field(name, *value) : key(name).null();
  }
  JsonWriter& optionalField(std::string_view name, const std::optional<std::string>& value) {
    return value ? field(name, *value) : key(name).null();
  }

  // The text written so far; the writer is empty after.
  std::string take();

 private:
  void separate();
  void quoted(std::string_view text);

  std::string out_;
  std::string closers_;     // what close() writes, innermost last
  bool after_value_ = false;  // the next value or key needs a comma first
};

}  // namespace citygrants::http
