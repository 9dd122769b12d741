#pragma once

#include <string>
#include <vector>

#include "modules/core/problem.h"
#include "web/http/api_types.h"

namespace citygrants::http {

// The HTTP status of each kind of refusal — the one place this mapping lives.
int statusFor(core::ProblemKind kind);

// An RFC 9457 application/problem+json response: a stable `type` (a URI ending in the slug),
// `title`, `status`, `detail`, `errors[]` (one per field) and the request id.
ApiResponse problemResponse(int status, const std::string& slug, const std::string& title,
                            const std::string& detail, const std::vector<core::FieldError>& fields,
                            const std::string& request_id);

ApiResponse problemResponse(const core::Problem& problem, const std::string& request_id);
ApiResponse problemResponse(const HttpError& error, const std::string& request_id);

}  // namespace citygrants::http
