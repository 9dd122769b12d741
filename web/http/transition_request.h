#pragma once

#include "services/usecases/use_case.h"
#include "web/http/api_types.h"

namespace citygrants::http {

// Decodes POST .../{id}/transitions: the body {"event", "reason", "amount_minor",
// "payment_reference", "no_conflict_declared", "eligible_future"} and, where `with_sector` (the
// proposal machine, whose approval creates the grant), "sector_code"; the If-Match version
// (required: 428 without it) and the Idempotency-Key header.
usecases::TransitionRequest decodeTransition(const ApiRequest& req, bool with_sector = false);

// Counts the transition in the metrics.
void countTransition(ApiContext& ctx, const std::string& machine, const std::string& event);

}  // namespace citygrants::http
