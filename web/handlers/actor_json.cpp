#include "web/handlers/actor_json.h"

#include <string>

namespace citygrants::handlers {

http::JsonObject actorJson(const access::ActorView& view) {
  auto o = http::object();
  if (view.id) {
    o->set("id", *view.id);
    o->set("name", view.name);
  }
  if (view.disclosure != access::Disclosure::kSide) o->set("organisation", view.organisation);
  o->set("role", std::string(access::orgKindName(view.side)));
  return o;
}

void setActors(http::JsonObject record, const usecases::Actors& actors) {
  auto named = http::object();
  for (const auto& a : actors) {
    named->set(a.field, actorJson(a.view));
    http::setOptional(record, a.field, a.view.id);
  }
  record->set("actors", named);
}

}  // namespace citygrants::handlers
