#include "web/http/json_writer.h"

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
  out_ += std::to_string(value);
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
