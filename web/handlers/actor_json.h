#pragma once

#include "modules/access/actor_disclosure.h"
#include "services/usecases/actor_naming.h"
#include "web/http/json_encode.h"

// People in the JSON, as the reader may know them (access::discloseTo decided what they know).
namespace citygrants::handlers {

// {"id", "name", "organisation", "role"} for a person the reader may know, {"organisation",
// "role"} when only their organisation, {"role"} when only which side acted; `role` is the kind
// of their organisation: fund, partner, city or donor.
http::JsonObject actorJson(const access::ActorView& view);

// For each named actor of a record: `actors.<field>` (actorJson), and the record's own id field
// (`verified_by`) set to the user id, or to null when the reader may not know the person.
// `actors` is always set, empty when the record names no one yet.
void setActors(http::JsonObject record, const usecases::Actors& actors);

}  // namespace citygrants::handlers
