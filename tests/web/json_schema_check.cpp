#include "tests/web/json_schema_check.h"

#include <cmath>
#include <cstdint>
#include <regex>
#include <set>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "modules/core/text.h"

namespace citygrants::webtest {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

const std::set<std::string> kChecked = {"$ref",
                                        "type",
                                        "enum",
                                        "const",
                                        "properties",
                                        "required",
                                        "additionalProperties",
                                        "items",
                                        "minItems",
                                        "maxItems",
                                        "uniqueItems",
                                        "minimum",
                                        "maximum",
                                        "minLength",
                                        "maxLength",
                                        "pattern",
                                        "format",
                                        "anyOf",
                                        "oneOf",
                                        "allOf"};
const std::set<std::string> kAnnotations = {
    "description",      "title",      "default",  "examples",
    "contentMediaType", "deprecated", "readOnly", "writeOnly"};
const std::set<std::string> kFormats = {"date-time", "uri", "int64", "binary"};

bool isObject(const Var& v) { return v.type() == typeid(Object::Ptr); }
bool isArray(const Var& v) { return v.type() == typeid(Array::Ptr); }

// The JSON type of a parsed value: null, boolean, integer, number, string, array or object.
std::string typeOf(const Var& v) {
  if (v.isEmpty()) return "null";
  if (isObject(v)) return "object";
  if (isArray(v)) return "array";
  if (v.isBoolean()) return "boolean";
  if (v.isInteger()) return "integer";
  if (v.isNumeric()) {
    const double d = v.convert<double>();
    return std::floor(d) == d && std::isfinite(d) ? "integer" : "number";
  }
  if (v.isString()) return "string";
  return "unknown";
}

bool typeMatches(const std::string& actual, const std::string& wanted) {
  return actual == wanted || (wanted == "number" && actual == "integer");
}

// Whether two parsed values are the same JSON (deep).
bool sameJson(const Var& a, const Var& b) {
  const auto type = typeOf(a);
  if (type != typeOf(b)) return false;
  if (type == "null") return true;
  if (type == "object") {
    const auto x = a.extract<Object::Ptr>();
    const auto y = b.extract<Object::Ptr>();
    if (x->size() != y->size()) return false;
    for (const auto& [key, value] : *x) {
      if (!y->has(key) || !sameJson(value, y->get(key))) return false;
    }
    return true;
  }
  if (type == "array") {
    const auto x = a.extract<Array::Ptr>();
    const auto y = b.extract<Array::Ptr>();
    if (x->size() != y->size()) return false;
    for (unsigned i = 0; i < x->size(); ++i) {
      if (!sameJson(x->get(i), y->get(i))) return false;
    }
    return true;
  }
  if (type == "boolean") return a.extract<bool>() == b.extract<bool>();
  if (type == "integer" && a.isInteger() && b.isInteger()) {
    if (a.isSigned() != b.isSigned()) return false;
    return a.isSigned() ? a.convert<Poco::Int64>() == b.convert<Poco::Int64>()
                        : a.convert<Poco::UInt64>() == b.convert<Poco::UInt64>();
  }
  if (type == "integer" || type == "number") return a.convert<double>() == b.convert<double>();
  return a.convert<std::string>() == b.convert<std::string>();
}

// a < b (-1), a == b (0), a > b (1) for two numbers, exactly when both are int64.
int compareNumbers(const Var& a, const Var& b) {
  if (a.isInteger() && b.isInteger() && a.isSigned() && b.isSigned()) {
    const auto x = a.convert<Poco::Int64>();
    const auto y = b.convert<Poco::Int64>();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  const auto x = a.convert<double>();
  const auto y = b.convert<double>();
  return x < y ? -1 : (x > y ? 1 : 0);
}

std::string shown(const Var& v) {
  if (v.isEmpty()) return "null";
  if (isObject(v)) return "{...}";
  if (isArray(v)) return "[...]";
  if (v.isString()) return "\"" + v.convert<std::string>() + "\"";
  return v.convert<std::string>();
}

class Checker {
 public:
  explicit Checker(Object::Ptr document) : document_(std::move(document)) {}

  void check(const Var& v, const Object::Ptr& s, const std::string& at, int depth);
  std::vector<std::string> errors;

 private:
  void fail(const std::string& at, const std::string& what) { errors.push_back(at + ": " + what); }
  std::vector<std::string> tryCheck(const Var& v, const Object::Ptr& s, const std::string& at,
                                    int depth);
  void checkRef(const Var& v, const Object::Ptr& s, const std::string& at, int depth);
  bool checkType(const Var& v, const Object::Ptr& s, const std::string& at);
  void checkObject(const Object::Ptr& o, const Object::Ptr& s, const std::string& at, int depth);
  void checkArray(const Array::Ptr& a, const Object::Ptr& s, const std::string& at, int depth);
  void checkString(const std::string& text, const Object::Ptr& s, const std::string& at);
  void checkNumber(const Var& v, const Object::Ptr& s, const std::string& at);
  void checkCombinations(const Var& v, const Object::Ptr& s, const std::string& at, int depth);
  Object::Ptr document_;
};

std::vector<std::string> Checker::tryCheck(const Var& v, const Object::Ptr& s,
                                           const std::string& at, int depth) {
  Checker inner(document_);
  inner.check(v, s, at, depth);
  return inner.errors;
}

void Checker::check(const Var& v, const Object::Ptr& s, const std::string& at, int depth) {
  if (s.isNull()) return fail(at, "the schema is not an object");
  if (depth > 64) return fail(at, "schemas nest too deep (a $ref loop?)");
  for (const auto& [keyword, value] : *s) {
    if (!kChecked.count(keyword) && !kAnnotations.count(keyword))
      fail(at, "unsupported keyword " + keyword);
  }
  if (s->has("$ref")) checkRef(v, s, at, depth);
  if (!checkType(v, s, at)) return;
  if (s->has("enum")) {
    bool found = false;
    for (const auto& option : *s->getArray("enum")) found = found || sameJson(v, option);
    if (!found) fail(at, shown(v) + " is not one of the enum values");
  }
  if (s->has("const") && !sameJson(v, s->get("const")))
    fail(at, shown(v) + " is not the const value");
  const auto type = typeOf(v);
  if (type == "object") checkObject(v.extract<Object::Ptr>(), s, at, depth);
  if (type == "array") checkArray(v.extract<Array::Ptr>(), s, at, depth);
  if (type == "string") checkString(v.extract<std::string>(), s, at);
  if (type == "integer" || type == "number") checkNumber(v, s, at);
  checkCombinations(v, s, at, depth);
}

void Checker::checkRef(const Var& v, const Object::Ptr& s, const std::string& at, int depth) {
  const auto ref = s->getValue<std::string>("$ref");
  const auto target = resolveRef(document_, ref);
  if (target.isNull()) return fail(at, "unresolved $ref " + ref);
  check(v, target, at, depth + 1);
}

bool Checker::checkType(const Var& v, const Object::Ptr& s, const std::string& at) {
  if (!s->has("type")) return true;
  std::vector<std::string> wanted;
  if (const auto list = s->getArray("type"); !list.isNull()) {
    for (const auto& t : *list) wanted.push_back(t.convert<std::string>());
  } else {
    wanted.push_back(s->getValue<std::string>("type"));
  }
  const auto actual = typeOf(v);
  for (const auto& w : wanted) {
    if (typeMatches(actual, w)) return true;
  }
  std::string names;
  for (const auto& w : wanted) names += (names.empty() ? "" : "|") + w;
  fail(at, "is " + actual + " " + shown(v) + ", not " + names);
  return false;
}

void Checker::checkObject(const Object::Ptr& o, const Object::Ptr& s, const std::string& at,
                          int depth) {
  if (const auto required = s->getArray("required"); !required.isNull()) {
    for (const auto& name : *required) {
      if (!o->has(name.convert<std::string>()))
        fail(at, "lacks the required member " + name.convert<std::string>());
    }
  }
  const auto properties = s->getObject("properties");
  const bool closed = s->has("additionalProperties") &&
                      s->get("additionalProperties").isBoolean() &&
                      !s->get("additionalProperties").extract<bool>();
  const auto extra = s->getObject("additionalProperties");
  for (const auto& [key, value] : *o) {
    const std::string where = at + "." + key;
    if (!properties.isNull() && properties->has(key)) {
      check(value, properties->getObject(key), where, depth + 1);
    } else if (closed) {
      fail(at, "has the member " + key + ", which the schema does not allow");
    } else if (!extra.isNull()) {
      check(value, extra, where, depth + 1);
    }
  }
}

void Checker::checkArray(const Array::Ptr& a, const Object::Ptr& s, const std::string& at,
                         int depth) {
  const auto n = static_cast<std::int64_t>(a->size());
  if (s->has("minItems") && n < s->getValue<Poco::Int64>("minItems")) fail(at, "has too few items");
  if (s->has("maxItems") && n > s->getValue<Poco::Int64>("maxItems"))
    fail(at, "has too many items");
  if (s->has("uniqueItems") && s->getValue<bool>("uniqueItems")) {
    for (unsigned i = 0; i < a->size(); ++i) {
      for (unsigned j = i + 1; j < a->size(); ++j) {
        if (sameJson(a->get(i), a->get(j)))
          fail(at, "items " + std::to_string(i) + " and " + std::to_string(j) + " are equal");
      }
    }
  }
  if (const auto items = s->getObject("items"); !items.isNull()) {
    for (unsigned i = 0; i < a->size(); ++i)
      check(a->get(i), items, at + "[" + std::to_string(i) + "]", depth + 1);
  }
}

void Checker::checkString(const std::string& text, const Object::Ptr& s, const std::string& at) {
  const auto length = core::utf8Length(text);
  if (!length) return fail(at, "is not valid UTF-8");
  if (s->has("minLength") &&
      static_cast<std::int64_t>(*length) < s->getValue<Poco::Int64>("minLength")) {
    fail(at, "is shorter than minLength");
  }
  if (s->has("maxLength") &&
      static_cast<std::int64_t>(*length) > s->getValue<Poco::Int64>("maxLength")) {
    fail(at, "is longer than maxLength");
  }
  if (s->has("pattern") &&
      !std::regex_search(text, std::regex(s->getValue<std::string>("pattern")))) {
    fail(at, "\"" + text + "\" does not match " + s->getValue<std::string>("pattern"));
  }
  if (!s->has("format")) return;
  const auto format = s->getValue<std::string>("format");
  static const std::regex kDateTime(
      R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)");
  static const std::regex kUri(R"(^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$)");
  if (format == "date-time" && !std::regex_match(text, kDateTime))
    fail(at, "\"" + text + "\" is not a date-time");
  if (format == "uri" && !std::regex_match(text, kUri)) fail(at, "\"" + text + "\" is not a URI");
  if (!kFormats.count(format)) fail(at, "unsupported format " + format);
}

void Checker::checkNumber(const Var& v, const Object::Ptr& s, const std::string& at) {
  if (s->has("minimum") && compareNumbers(v, s->get("minimum")) < 0)
    fail(at, shown(v) + " is below the minimum");
  if (s->has("maximum") && compareNumbers(v, s->get("maximum")) > 0)
    fail(at, shown(v) + " is above the maximum");
  if (s->has("format") && s->getValue<std::string>("format") == "int64" && v.isInteger() &&
      !v.isSigned() && v.convert<Poco::UInt64>() > static_cast<Poco::UInt64>(INT64_MAX)) {
    fail(at, shown(v) + " is beyond int64");
  }
}

void Checker::checkCombinations(const Var& v, const Object::Ptr& s, const std::string& at,
                                int depth) {
  if (const auto all = s->getArray("allOf"); !all.isNull()) {
    for (unsigned i = 0; i < all->size(); ++i) check(v, all->getObject(i), at, depth + 1);
  }
  for (const char* keyword : {"anyOf", "oneOf"}) {
    const auto options = s->getArray(keyword);
    if (options.isNull()) continue;
    std::size_t matched = 0;
    std::string why;
    for (unsigned i = 0; i < options->size(); ++i) {
      const auto e = tryCheck(v, options->getObject(i), at, depth + 1);
      if (e.empty())
        ++matched;
      else
        why += " [" + joined(e) + "]";
    }
    if (matched == 0) fail(at, std::string("matches none of ") + keyword + ":" + why);
    if (std::string(keyword) == "oneOf" && matched > 1) fail(at, "matches more than one of oneOf");
  }
}

}  // namespace

std::vector<std::string> schemaErrors(const Var& value, const Object::Ptr& schema,
                                      const Object::Ptr& document) {
  Checker checker(document);
  checker.check(value, schema, "$", 0);
  return checker.errors;
}

Object::Ptr resolveRef(const Object::Ptr& document, const std::string& ref) {
  if (!ref.starts_with("#/")) return nullptr;
  Object::Ptr at = document;
  std::size_t start = 2;
  while (!at.isNull() && start <= ref.size()) {
    auto end = ref.find('/', start);
    if (end == std::string::npos) end = ref.size();
    std::string token = ref.substr(start, end - start);
    for (std::size_t p; (p = token.find("~1")) != std::string::npos;) token.replace(p, 2, "/");
    for (std::size_t p; (p = token.find("~0")) != std::string::npos;) token.replace(p, 2, "~");
    at = at->has(token) ? at->getObject(token) : nullptr;
    start = end + 1;
  }
  return at;
}

std::vector<std::string> unknownKeywords(const Object::Ptr& schema, const std::string& path) {
  std::vector<std::string> out;
  auto add = [&](const std::vector<std::string>& more) {
    out.insert(out.end(), more.begin(), more.end());
  };
  for (const auto& [keyword, value] : *schema) {
    if (!kChecked.count(keyword) && !kAnnotations.count(keyword))
      out.push_back(path + ": " + keyword);
  }
  if (schema->has("format") && !kFormats.count(schema->getValue<std::string>("format"))) {
    out.push_back(path + ": format " + schema->getValue<std::string>("format"));
  }
  if (const auto props = schema->getObject("properties"); !props.isNull()) {
    for (const auto& [name, sub] : *props)
      add(unknownKeywords(props->getObject(name), path + "/properties/" + name));
  }
  for (const char* key : {"items", "additionalProperties"}) {
    if (const auto sub = schema->getObject(key); !sub.isNull())
      add(unknownKeywords(sub, path + "/" + key));
  }
  for (const char* key : {"anyOf", "oneOf", "allOf"}) {
    const auto list = schema->getArray(key);
    if (list.isNull()) continue;
    for (unsigned i = 0; i < list->size(); ++i) {
      add(unknownKeywords(list->getObject(i), path + "/" + key + "/" + std::to_string(i)));
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> refsIn(const Var& node, const std::string& path) {
  std::vector<std::pair<std::string, std::string>> out;
  if (isObject(node)) {
    const auto o = node.extract<Object::Ptr>();
    for (const auto& [key, value] : *o) {
      if (key == "$ref" && value.isString()) {
        out.emplace_back(path, value.convert<std::string>());
      } else {
        auto more = refsIn(value, path + "/" + key);
        out.insert(out.end(), more.begin(), more.end());
      }
    }
  } else if (isArray(node)) {
    const auto a = node.extract<Array::Ptr>();
    for (unsigned i = 0; i < a->size(); ++i) {
      auto more = refsIn(a->get(i), path + "/" + std::to_string(i));
      out.insert(out.end(), more.begin(), more.end());
    }
  }
  return out;
}

Var parseJson(const std::string& text) {
  Poco::JSON::Parser parser;
  return parser.parse(text);
}

std::string joined(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += (out.empty() ? "" : "; ") + e;
  return out;
}

}  // namespace citygrants::webtest
