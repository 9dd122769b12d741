#pragma once

#include <cstddef>
#include <string>

#include <Poco/Net/HTTPServerRequest.h>

namespace citygrants::http {

// Reads a request's body up to `limit` bytes. Refuses (HttpError) with 413 past the limit (the
// rest is left unread: the connection is then closed), 408 when the body stopped arriving (the
// socket's timeout, or the minimum rate of a large body: see RequestWorkers), and 400 when the
// client half-closed before sending all it declared: never acts on part of a body.
std::string readBody(Poco::Net::HTTPServerRequest& request, std::size_t limit);

}  // namespace citygrants::http
