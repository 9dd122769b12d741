#include "web/http/json_reader.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>

#include "modules/core/text.h"

namespace citygrants::http {

JsonReader::JsonReader(Poco::JSON::Object::Ptr object, std::string prefix)
    : object_(std::move(object)), prefix_(std::move(prefix)) {}

void JsonReader::fail(const std::string& name, core::Message message) {
  errors_.push_back({prefix_ + name, std::move(message)});
}

std::optional<Poco::Dynamic::Var> JsonReader::find(const std::string& name, bool required) {
  read_.insert(name);
  Poco::Dynamic::Var v;
  if (object_->has(name)) v = object_->get(name);
  if (v.isEmpty()) {  // absent, or null
    if (required) fail(name, "field.required");
    return std::nullopt;
  }
  return std::optional<Poco::Dynamic::Var>(std::in_place, v);
}

std::optional<std::string> JsonReader::text(const std::string& name, bool required, std::size_t max_chars) {
  const auto v = find(name, required);
  if (!v) return std::nullopt;
  if (!v->isString() || v->template extract<std::string>() == kOutOfRangeMarker) {
    fail(name, "field.string");
    return std::nullopt;
  }
  auto s = v->template extract<std::string>();
  auto len = core::utf8Length(s);
  if (!len) {
    fail(name, "field.not_utf8");
    return std::nullopt;
  }
  if (*len > max_chars) {
    fail(name, {"field.too_long", {{"max", max_chars}}});
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> JsonReader::integer(const std::string& name, bool required,
                                                std::int64_t min, std::int64_t max) {
  const auto v = find(name, required);
  if (!v) return std::nullopt;
  // Poco keeps integers that fit as Int64/UInt64 and anything else (fractions, exponents,
  // overflow) as double: only the former are whole numbers here.
  if (v->isString() && v->template extract<std::string>() == kOutOfRangeMarker) {
    fail(name, "field.out_of_range");
    return std::nullopt;
  }
  if (!v->isInteger() || v->isBoolean()) {
    fail(name, "field.whole_number");
    return std::nullopt;
  }
  if (!v->isSigned() && v->template extract<Poco::UInt64>() > static_cast<Poco::UInt64>(INT64_MAX)) {
    fail(name, "field.out_of_range");
    return std::nullopt;
  }
  const auto n = v->convert<Poco::Int64>();
  if (n < min || n > max) {
    fail(name, {"field.number_range", {{"min", min}, {"max", max}}});
    return std::nullopt;
  }
  return n;
}

std::optional<bool> JsonReader::boolean(const std::string& name, bool required) {
  const auto v = find(name, required);
  if (!v) return std::nullopt;
  if (!v->isBoolean()) {
    fail(name, "field.boolean");
    return std::nullopt;
  }
  return v->template extract<bool>();
}

std::optional<std::int64_t> JsonReader::time(const std::string& name, bool required) {
  auto s = text(name, required, 40);
  if (!s) return std::nullopt;
  Poco::DateTime parsed;
  int tzd = 0;
  const bool ok = Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, *s, parsed, tzd) ||
                  Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FORMAT, *s, parsed, tzd);
  constexpr int kMaxOffsetSeconds = 14 * 3600;  // real zones span -12:00 to +14:00
  if (!ok || s->size() < 20 || parsed.year() < 2000 || parsed.year() > 2200 ||
      tzd > kMaxOffsetSeconds || tzd < -kMaxOffsetSeconds) {
    fail(name, "field.date_time");
    return std::nullopt;
  }
  parsed.makeUTC(tzd);
  return parsed.timestamp().epochMicroseconds() / 1000;
}

std::optional<std::vector<std::string>> JsonReader::textList(const std::string& name, bool required,
                                                            std::size_t max_items, std::size_t max_chars) {
  const auto v = find(name, required);
  if (!v) return std::nullopt;
  if (v->type() != typeid(Poco::JSON::Array::Ptr)) {
    fail(name, "field.string_list");
    return std::nullopt;
  }
  auto list = v->template extract<Poco::JSON::Array::Ptr>();
  if (list->size() > max_items) {
    fail(name, {"field.max_items", {{"max", max_items}}});
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto item = list->get(static_cast<unsigned>(i));
    const std::string at = name + "[" + std::to_string(i) + "]";
    if (!item.isString() || item.extract<std::string>() == kOutOfRangeMarker) {
      fail(at, "field.string");
      continue;
    }
    auto s = item.extract<std::string>();
    auto len = core::utf8Length(s);
    if (!len || *len > max_chars) {
      fail(at, {"field.too_long", {{"max", max_chars}}});
      continue;
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<std::vector<std::int64_t>> JsonReader::integerList(const std::string& name,
                                                                bool required,
                                                                std::size_t max_items,
                                                                std::int64_t min, std::int64_t max) {
  const auto v = find(name, required);
  if (!v) return std::nullopt;
  if (v->type() != typeid(Poco::JSON::Array::Ptr)) {
    fail(name, "field.number_list");
    return std::nullopt;
  }
  auto list = v->template extract<Poco::JSON::Array::Ptr>();
  if (list->size() > max_items) {
    fail(name, {"field.max_items", {{"max", max_items}}});
    return std::nullopt;
  }
  // Each item is read as a one-member object would be, so the checks are integer()'s own.
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    Poco::JSON::Object::Ptr one = new Poco::JSON::Object;
    const std::string at = name + "[" + std::to_string(i) + "]";
    one->set(at, list->get(static_cast<unsigned>(i)));
    JsonReader item(one, prefix_);
    if (auto n = item.integer(at, true, min, max)) out.push_back(*n);
    absorb(item);
  }
  return out;
}

Poco::JSON::Array::Ptr JsonReader::objectList(const std::string& name, bool required, std::size_t max_items) {
  const auto v = find(name, required);
  if (!v) return nullptr;
  if (v->type() != typeid(Poco::JSON::Array::Ptr)) {
    fail(name, "field.list");
    return nullptr;
  }
  auto list = v->template extract<Poco::JSON::Array::Ptr>();
  if (list->size() > max_items) {
    fail(name, {"field.max_items", {{"max", max_items}}});
    return nullptr;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    if (list->get(static_cast<unsigned>(i)).type() != typeid(Poco::JSON::Object::Ptr)) {
      fail(name + "[" + std::to_string(i) + "]", "field.object");
      return nullptr;
    }
  }
  return list;
}

JsonReader JsonReader::nested(const Poco::JSON::Array::Ptr& list, std::size_t index,
                              const std::string& name) {
  return JsonReader(list->getObject(static_cast<unsigned>(index)),
                    prefix_ + name + "[" + std::to_string(index) + "].");
}

std::optional<JsonReader> JsonReader::child(const std::string& name, bool required) {
  const auto v = find(name, required);
  if (!v) return std::nullopt;
  if (v->type() != typeid(Poco::JSON::Object::Ptr)) {
    fail(name, "field.object");
    return std::nullopt;
  }
  return JsonReader(v->template extract<Poco::JSON::Object::Ptr>(), prefix_ + name + ".");
}

std::vector<std::string> JsonReader::names() const {
  std::vector<std::string> out;
  for (const auto& [key, value] : *object_) out.push_back(key);
  return out;
}

void JsonReader::absorb(JsonReader& nested) {
  for (auto& e : nested.errors()) errors_.push_back(std::move(e));
}

std::vector<core::FieldError> JsonReader::errors() {
  std::vector<core::FieldError> out = errors_;
  for (const auto& [key, value] : *object_) {
    if (!read_.count(key)) out.push_back({prefix_ + key, "field.unknown"});
  }
  return out;
}

void JsonReader::finish() {
  auto all = errors();
  if (!all.empty()) throw core::Problem::invalid(std::move(all));
}

}  // namespace citygrants::http
