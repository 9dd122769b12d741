#include "web/http/json_writer.h"

#include <charconv>
#include <cstring>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace citygrants::http {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

// What Poco::UTF8::escape(…, strictJSON) writes for one byte below 0x20 or '"' or '\\'.
void escapeByte(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default:
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
  }
}

// Whether some byte of `text` must be escaped: one below 0x20, '"' or '\\'. Eight bytes at a
// time, as nearly every key and value needs none; the bytes of a word are tested each on its
// own (a byte's test borrows only when it holds an escaped byte, and then the answer is true).
bool needsEscape(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighs = 0x8080808080808080;
  auto zeroIn = [](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  auto belowSpaceIn = [](std::uint64_t x) { return (x - kOnes * 0x20) & ~x & kHighs; };
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (belowSpaceIn(word) | zeroIn(word ^ (kOnes * '"')) | zeroIn(word ^ (kOnes * '\\')))
      return true;
  }
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"' || c == '\\') return true;
  }
  return false;
}

void writeObject(JsonWriter& w, const Poco::JSON::Object& o) {
  w.open();
  for (const auto& name : o.getNames()) w.key(name).value(o.get(name));
  w.close();
}

void writeArray(JsonWriter& w, const Poco::JSON::Array& a) {
  w.openArray();
  for (const auto& item : a) w.value(item);
  w.close();
}

}  // namespace

void JsonWriter::separate() {
  if (after_value_) out_ += ',';
  after_value_ = false;
}

void JsonWriter::quoted(std::string_view text) {
  if (!needsEscape(text)) {
    const std::size_t at = out_.size();
    out_.resize(at + text.size() + 2);
    out_[at] = '"';
    std::memcpy(out_.data() + at + 1, text.data(), text.size());
    out_.back() = '"';
    return;
  }
  out_ += '"';
  std::size_t from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(text.data() + from, i - from);
    escapeByte(out_, c);
    from = i + 1;
  }
  out_.append(text.data() + from, text.size() - from);
  out_ += '"';
}

JsonWriter& JsonWriter::open() {
  separate();
  out_ += '{';
  closers_ += '}';
  return *this;
}

JsonWriter& JsonWriter::openArray() {
  separate();
  out_ += '[';
  closers_ += ']';
  return *this;
}

JsonWriter& JsonWriter::close() {
  out_ += closers_.back();
  closers_.pop_back();
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  quoted(name);
  out_ += ':';
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  separate();
  quoted(text);
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::number(std::int64_t value) {
  separate();
  char digits[24];
  const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
  out_.append(digits, end);
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  after_value_ = true;
  return *this;
}

// The cases of Poco::JSON::Stringifier::stringify, in its order.
JsonWriter& JsonWriter::value(const Poco::Dynamic::Var& any) {
  using Poco::JSON::Array;
  using Poco::JSON::Object;
  const auto& type = any.type();
  if (type == typeid(Object)) {
    writeObject(*this, any.extract<Object>());
  } else if (type == typeid(Array)) {
    writeArray(*this, any.extract<Array>());
  } else if (type == typeid(Object::Ptr)) {
    writeObject(*this, *any.extract<Object::Ptr>());
  } else if (type == typeid(Array::Ptr)) {
    writeArray(*this, *any.extract<Array::Ptr>());
  } else if (any.isEmpty()) {
    null();
  } else if (type == typeid(std::string)) {
    string(any.extract<std::string>());
  } else if (type == typeid(char) || any.isString() || any.isDateTime() || any.isDate() || any.isTime()) {
    string(any.convert<std::string>());
  } else {  // numbers, booleans, anything else: as Poco converts them to text
    separate();
    out_ += any.convert<std::string>();
    after_value_ = true;
  }
  return *this;
}

std::string JsonWriter::take() {
  std::string done;
  done.swap(out_);
  closers_.clear();
  after_value_ = false;
  return done;
}

}  // namespace citygrants::http
