#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "tests/web/http_fixture.h"
#include "tests/web/openapi_spec.h"

// Reading cursor-paged lists over HTTP, for the list tests.
namespace citygrants::webtest {

// Every page of `path` (which has a query already), `limit` at a time; checks each page against
// the spec and that `total` stays the same. Returns the items in order.
std::vector<Poco::JSON::Object::Ptr> allPages(const Spec& spec, Client& c,
                                              const std::string& pattern, const std::string& path,
                                              int limit);

std::vector<std::int64_t> idsOf(const std::vector<Poco::JSON::Object::Ptr>& items);
std::vector<std::string> stringsOf(const Poco::JSON::Array::Ptr& a);

// Checks a list item against the record's own route as the same reader gets it: every member of
// the record, actions included, is the same; the list only adds `extra` (none when empty).
void expectSameAsRecord(Client& c, const Poco::JSON::Object::Ptr& item, const std::string& path,
                        const std::string& extra);

}  // namespace citygrants::webtest
