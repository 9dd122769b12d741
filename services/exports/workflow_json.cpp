#include "services/exports/workflow_json.h"

#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "modules/workflow/catalog.h"

namespace citygrants::exports {
namespace {

template <class Range, class Fn>
Poco::JSON::Array::Ptr arrayOf(const Range& items, Fn toString) {
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& item : items) out->add(toString(item));
  return out;
}

}  // namespace

std::string workflowJson() {
  auto text = [](std::string_view s) { return std::string(s); };
  Poco::JSON::Array::Ptr machines = new Poco::JSON::Array;
  for (const auto& m : workflow::allMachines()) {
    Poco::JSON::Object::Ptr machine = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    machine->set("name", std::string(m.name));
    machine->set("states", arrayOf(m.states, text));
    machine->set("editable", arrayOf(m.editable, text));
    Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
    for (const auto& t : m.transitions) {
      Poco::JSON::Object::Ptr row = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      row->set("from", std::string(t.from));
      row->set("event", std::string(t.event));
      row->set("to", std::string(t.to));
      row->set("roles", arrayOf(t.roles, [](access::Role r) { return std::string(access::roleName(r)); }));
      row->set("guards", arrayOf(t.guards, text));
      row->set("needs", arrayOf(t.needs, text));
      row->set("effect", std::string(t.effect));
      row->set("tags", arrayOf(t.tags, text));
      row->set("notice", std::string(t.notice));
      rows->add(row);
    }
    machine->set("transitions", rows);
    machines->add(machine);
  }
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("machines", machines);
  std::ostringstream out;
  root.stringify(out);
  return out.str();
}

}  // namespace citygrants::exports
