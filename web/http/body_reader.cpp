#include "web/http/body_reader.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerSession.h>

#include "web/http/api_types.h"

namespace citygrants::http {
namespace {

// Whether reading the body stopped because the client was too slow (the session remembers the
// exception its stream swallowed).
bool timedOut(Poco::Net::HTTPServerRequest& request) {
  auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
  if (impl == nullptr) return false;
  const auto* failure = impl->session().networkException();
  return failure != nullptr && dynamic_cast<const Poco::TimeoutException*>(failure) != nullptr;
}

}  // namespace

std::string readBody(Poco::Net::HTTPServerRequest& request, std::size_t limit) {
  auto tooLarge = [&] {
    return HttpError(413, "payload-too-large", {"request.too_large", {{"max", limit}}});
  };
  if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(limit)) {
    throw tooLarge();
  }
  std::string body;
  char buf[8192];
  auto& in = request.stream();
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    body.append(buf, static_cast<std::size_t>(in.gcount()));
    if (body.size() > limit) throw tooLarge();
  }
  if (in.bad() && timedOut(request)) {
    throw HttpError(408, "request-timeout", "request.body_stopped");
  }
  if (request.hasContentLength() &&
      static_cast<Poco::Int64>(body.size()) < request.getContentLength64()) {
    // The client stopped sending (or half-closed) early: never act on part of a body.
    throw HttpError(400, "incomplete-body", "request.body_short");
  }
  return body;
}

}  // namespace citygrants::http
