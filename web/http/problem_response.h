#pragma once

#include <string>

#include <Poco/Net/HTTPServerResponse.h>

namespace citygrants::http {

// Sends an RFC 9457 problem+json body with `status`, a stable `type` slug and a `detail`.
void sendProblem(Poco::Net::HTTPServerResponse& response, int status, const std::string& type,
                 const std::string& title, const std::string& detail);

// Sends a JSON body with `status`.
void sendJson(Poco::Net::HTTPServerResponse& response, int status, const std::string& body);

}  // namespace citygrants::http
