#pragma once

#include <string>
#include <vector>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/IPAddress.h>

namespace citygrants::http {

// The reverse proxies whose X-Forwarded-For names the client (serve --trusted-proxy).
using TrustedProxies = std::vector<Poco::Net::IPAddress>;

// "10.0.0.2, ::1" as addresses; "" as none. Throws std::invalid_argument naming the first entry
// that is not an IP address (ranges are not accepted: name each proxy).
TrustedProxies parseTrustedProxies(const std::string& list);

// The address of the client that sent `request`, as the sign-in budget and the access log count
// it: the peer's, or, when the peer is one of `trusted`, the last X-Forwarded-For entry (the one
// the proxy wrote; ops/nginx/citygrants.conf writes nothing else). A peer not in `trusted` is
// the client whatever X-Forwarded-For it sends, and so is a trusted proxy that sends none or a
// last entry that is not an address. IPv4-mapped IPv6 addresses are written as IPv4.
std::string clientAddress(const Poco::Net::HTTPServerRequest& request,
                          const TrustedProxies& trusted);

}  // namespace citygrants::http
