#include "tests/web/list_pages.h"

#include <boost/test/unit_test.hpp>

#include "tests/web/pipeline_steps.h"

namespace citygrants::webtest {

std::vector<Poco::JSON::Object::Ptr> allPages(const Spec& spec, Client& c,
                                              const std::string& pattern, const std::string& path,
                                              int limit) {
  std::vector<Poco::JSON::Object::Ptr> out;
  std::string after;
  std::int64_t total = -1;
  for (int pages = 0; pages < 100; ++pages) {
    const auto r = c.get(path + "&limit=" + std::to_string(limit) + after);
    expectSuccess(spec, r, "GET", pattern, path);
    BOOST_REQUIRE(r.json);
    if (total >= 0) BOOST_TEST(r.json->getValue<std::int64_t>("total") == total, path);
    total = r.json->getValue<std::int64_t>("total");
    const auto items = r.json->getArray("items");
    BOOST_TEST(items->size() <= static_cast<std::size_t>(limit));
    for (unsigned i = 0; i < items->size(); ++i) out.push_back(items->getObject(i));
    if (r.json->isNull("next")) break;
    after = "&after=" + r.json->getValue<std::string>("next");
  }
  BOOST_TEST(static_cast<std::int64_t>(out.size()) == total, path);
  return out;
}

std::vector<std::int64_t> idsOf(const std::vector<Poco::JSON::Object::Ptr>& items) {
  std::vector<std::int64_t> out;
  for (const auto& i : items) out.push_back(i->getValue<std::int64_t>("id"));
  return out;
}

std::vector<std::string> stringsOf(const Poco::JSON::Array::Ptr& a) {
  std::vector<std::string> out;
  for (unsigned i = 0; i < a->size(); ++i) out.push_back(a->getElement<std::string>(i));
  return out;
}

void expectSameAsRecord(Client& c, const Poco::JSON::Object::Ptr& item, const std::string& path,
                        const std::string& extra) {
  const auto record = read(c, path).json;
  for (const auto& [name, value] : *record) {
    BOOST_TEST(item->has(name), path << " lacks " << name);
  }
  BOOST_TEST(item->size() == record->size() + (extra.empty() ? 0 : 1), path);
  if (!extra.empty()) BOOST_TEST(item->has(extra), path);
  BOOST_TEST(stringsOf(item->getArray("actions")) == stringsOf(record->getArray("actions")), path);
  BOOST_TEST(item->getValue<std::string>("state") == record->getValue<std::string>("state"), path);
  BOOST_TEST(item->getValue<std::int64_t>("version") == record->getValue<std::int64_t>("version"),
             path);
}

}  // namespace citygrants::webtest
