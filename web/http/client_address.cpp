#include "web/http/client_address.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include <Poco/Net/SocketAddress.h>
#include <Poco/String.h>

namespace citygrants::http {
namespace {

// `ip`, with an IPv4-mapped IPv6 address (a dual-stack socket's IPv4 peer) as the IPv4 one.
Poco::Net::IPAddress plain(const Poco::Net::IPAddress& ip) {
  if (ip.family() != Poco::Net::IPAddress::IPv6 || !ip.isIPv4Mapped()) return ip;
  return Poco::Net::IPAddress(static_cast<const unsigned char*>(ip.addr()) + 12, 4);
}

std::optional<Poco::Net::IPAddress> address(const std::string& text) {
  Poco::Net::IPAddress ip;
  if (!Poco::Net::IPAddress::tryParse(Poco::trim(text), ip)) return std::nullopt;
  return plain(ip);
}

// The last entry of the last X-Forwarded-For header, when it is an address.
std::optional<Poco::Net::IPAddress> lastForwardedFor(const Poco::Net::HTTPServerRequest& request) {
  std::optional<std::string> last;
  for (auto it = request.find("X-Forwarded-For");
       it != request.end() && Poco::icompare(it->first, "X-Forwarded-For") == 0; ++it) {
    last = it->second;
  }
  if (!last) return std::nullopt;
  const auto comma = last->rfind(',');
  return address(comma == std::string::npos ? *last : last->substr(comma + 1));
}

}  // namespace

TrustedProxies parseTrustedProxies(const std::string& list) {
  TrustedProxies out;
  if (Poco::trim(list).empty()) return out;
  std::size_t start = 0;
  while (start <= list.size()) {
    auto end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    const auto entry = Poco::trim(list.substr(start, end - start));
    const auto ip = address(entry);
    if (!ip) {
      throw std::invalid_argument("--trusted-proxy: \"" + entry +
                                  "\" is not an IP address (give a comma-separated list of the "
                                  "proxies' addresses, such as 127.0.0.1,::1)");
    }
    out.push_back(*ip);
    start = end + 1;
  }
  return out;
}

std::string clientAddress(const Poco::Net::HTTPServerRequest& request,
                          const TrustedProxies& trusted) {
  const auto peer = plain(request.clientAddress().host());
  if (std::find(trusted.begin(), trusted.end(), peer) == trusted.end()) return peer.toString();
  const auto forwarded = lastForwardedFor(request);
  return forwarded ? forwarded->toString() : peer.toString();
}

}  // namespace citygrants::http
