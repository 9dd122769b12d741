#include "web/http/schema_builder.h"

namespace citygrants::http::schema {
namespace {

JsonObject typed(const std::string& type) {
  auto o = object();
  o->set("type", type);
  return o;
}

}  // namespace

JsonObject integer() {
  auto o = typed("integer");
  o->set("format", "int64");
  return o;
}

JsonObject integer(std::int64_t min, std::int64_t max) {
  auto o = integer();
  o->set("minimum", min);
  o->set("maximum", max);
  return o;
}

JsonObject atLeast(std::int64_t min) {
  auto o = integer();
  o->set("minimum", min);
  return o;
}

JsonObject boolean() { return typed("boolean"); }

JsonObject text() { return typed("string"); }

JsonObject text(std::size_t max_length) {
  auto o = text();
  o->set("maxLength", static_cast<std::int64_t>(max_length));
  return o;
}

JsonObject matching(const std::string& pattern, std::size_t max_length) {
  auto o = text(max_length);
  o->set("pattern", pattern);
  return o;
}

JsonObject dateTime() {
  auto o = text();
  o->set("format", "date-time");
  return o;
}

JsonObject choice(const std::vector<std::string>& values) {
  auto o = text();
  o->set("enum", strings(values));
  return o;
}

JsonObject choice(const std::vector<std::string>& values, std::size_t max_length) {
  auto o = choice(values);
  o->set("maxLength", static_cast<std::int64_t>(max_length));
  return o;
}

JsonObject ref(const std::string& component) {
  auto o = object();
  o->set("$ref", "#/components/schemas/" + component);
  return o;
}

JsonObject list(const JsonObject& items) {
  auto o = typed("array");
  o->set("items", items);
  return o;
}

JsonObject list(const JsonObject& items, std::size_t max_items) {
  auto o = list(items);
  o->set("maxItems", static_cast<std::int64_t>(max_items));
  return o;
}

JsonObject nullable(const JsonObject& s) {
  if (!s->has("type")) {
    auto alternatives = JsonArray(new Poco::JSON::Array);
    alternatives->add(s);
    alternatives->add(typed("null"));
    auto o = object();
    o->set("anyOf", alternatives);
    return o;
  }
  JsonObject out = new Poco::JSON::Object(*s);  // keeps the key order
  out->set("type", strings({s->getValue<std::string>("type"), "null"}));
  if (s->has("enum")) {
    JsonArray values = new Poco::JSON::Array(*s->getArray("enum"));
    values->add(Poco::Dynamic::Var());
    out->set("enum", values);
  }
  return out;
}

JsonObject describe(JsonObject s, const std::string& description) {
  s->set("description", description);
  return s;
}

Member optionalIn(const std::string& name, const JsonObject& s) {
  return {name, nullable(s), false};
}

Member nullableOut(const std::string& name, const JsonObject& s) {
  return {name, nullable(s), true};
}

JsonObject closed(const std::vector<Member>& members) {
  auto o = typed("object");
  auto properties = object();
  std::vector<std::string> required;
  for (const auto& m : members) {
    properties->set(m.name, m.schema);
    if (m.required) required.push_back(m.name);
  }
  o->set("properties", properties);
  if (!required.empty()) o->set("required", strings(required));
  o->set("additionalProperties", false);
  return o;
}

std::vector<Member> pageMembers(const std::string& component) {
  return {{"items", list(ref(component))},
          {"total", describe(atLeast(0), "how many items match, on every page")},
          nullableOut("next",
                      describe(text(), "the `after` cursor of the next page; null on the last"))};
}

JsonObject pageOf(const std::string& component) { return closed(pageMembers(component)); }

std::vector<std::string> names(const std::vector<std::string_view>& views) {
  return {views.begin(), views.end()};
}

}  // namespace citygrants::http::schema
