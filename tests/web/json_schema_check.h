#pragma once

#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

// A small JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it) checker for the tests of the OpenAPI
// document. It knows: $ref (JSON pointers into the document), type (a name or a list, "null"
// included), enum, const, properties, required, additionalProperties (false or a schema), items,
// minItems, maxItems, uniqueItems, minimum, maximum, minLength, maxLength (code points), pattern,
// format (date-time, uri, int64, binary), anyOf, oneOf, allOf, and the annotations. Any other
// keyword is reported as an error, so a schema never passes because the checker skipped a rule.
namespace citygrants::webtest {

// Every way `value` breaks `schema`, each as "PATH: what" (PATH like $.items[0].award); empty
// when it conforms. `document` is where "#/..." references are resolved.
std::vector<std::string> schemaErrors(const Poco::Dynamic::Var& value,
                                      const Poco::JSON::Object::Ptr& schema,
                                      const Poco::JSON::Object::Ptr& document);

// The object a "#/a/b" reference names in `document`, or null.
Poco::JSON::Object::Ptr resolveRef(const Poco::JSON::Object::Ptr& document, const std::string& ref);

// Keywords of `schema` and of the schemas inside it that the checker does not know, each as
// "PATH: keyword". Does not follow references.
std::vector<std::string> unknownKeywords(const Poco::JSON::Object::Ptr& schema,
                                         const std::string& path = "#");

// Every "$ref" value anywhere under `node`, with where it was found.
std::vector<std::pair<std::string, std::string>> refsIn(const Poco::Dynamic::Var& node,
                                                        const std::string& path = "#");

// `text` parsed as JSON (any value). Throws Poco::Exception when it is not JSON.
Poco::Dynamic::Var parseJson(const std::string& text);

// The errors joined for a test message.
std::string joined(const std::vector<std::string>& errors);

}  // namespace citygrants::webtest
