#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "modules/core/problem.h"
#include "web/http/api_types.h"

namespace citygrants::http {

// The HTTP status of each kind of refusal — the one place this mapping lives.
int statusFor(core::ProblemKind kind);

// The title of a problem type by its slug ("not-found", "bad-query"), as a message of the
// catalogs ("title.not_found"); "title.error" for a slug without a title of its own.
core::Message titleOf(std::string_view slug);

// An RFC 9457 application/problem+json response: a stable `type` (a URI ending in the slug),
// `title`, `status`, `detail`, `errors[]` (one per field) and the request id. Title, detail and
// each field's message are written in `language` (English where the catalog lacks a text), and
// the answer says so in Content-Language; the type URIs and field names never change with it.
ApiResponse problemResponse(int status, const std::string& slug, const core::Message& detail,
                            const std::vector<core::FieldError>& fields,
                            const std::string& request_id, std::string_view language);
ApiResponse problemResponse(const core::Problem& problem, const std::string& request_id,
                            std::string_view language);
ApiResponse problemResponse(const HttpError& error, const std::string& request_id,
                            std::string_view language);

// The same in English words given as they are: answers made before a request is read (framing,
// the connection caps, the console's files), where no language is known.
ApiResponse problemResponse(int status, const std::string& slug, const std::string& title,
                            const std::string& detail, const std::vector<core::FieldError>& fields,
                            const std::string& request_id);

}  // namespace citygrants::http
