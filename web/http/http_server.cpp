#include "web/http/http_server.h"

#include <sys/resource.h>

#include <algorithm>

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SocketAddress.h>

#include "services/log/log_line.h"

namespace citygrants::http {
namespace {

// Raises the soft limit on open files to the hard one and leaves room below it for the database,
// files being exported and the listener: the connections the front door may hold.
std::size_t connectionsAllowed(std::size_t wanted) {
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) != 0) return wanted;
  if (files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    (void)::setrlimit(RLIMIT_NOFILE, &files);
    (void)::getrlimit(RLIMIT_NOFILE, &files);
  }
  constexpr rlim_t kReserved = 256;
  const auto room = files.rlim_cur > kReserved * 2 ? files.rlim_cur - kReserved : files.rlim_cur / 2;
  if (room < wanted) {
    logs::LogLine("warn", "few_file_descriptors")
        .number("max_connections", static_cast<std::int64_t>(room))
        .text("detail", "raise the open-files limit (ulimit -n) to hold more connections")
        .write(logs::Stream::kApp);
  }
  return std::min<std::size_t>(wanted, static_cast<std::size_t>(room));
}

}  // namespace

HttpServer::HttpServer(Poco::Net::HTTPRequestHandlerFactory* factory, HttpServerOptions options,
                       Metrics* metrics)
    : factory_(factory) {
  // Poco's address constructor also sets SO_REUSEPORT, which lets a second server bind the same
  // port and silently take a share of its connections: bind with SO_REUSEADDR only, so that a
  // port in use is refused.
  listener_.bind(Poco::Net::SocketAddress(options.host, static_cast<Poco::UInt16>(options.port)), true, false);
  listener_.listen(options.backlog);
  port_ = listener_.address().port();

  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setTimeout(options.socket_timeout);
  params->setKeepAlive(true);
  auto limits = options.limits;
  limits.max_connections = connectionsAllowed(limits.max_connections);
  limits.big_body_threads = std::clamp<std::size_t>(limits.big_body_threads, 1, std::max<std::size_t>(1, options.threads - 1));
  workers_ = std::make_unique<RequestWorkers>(*factory_, params, options.threads, limits.max_queued,
                                              [this](int id, bool keep) { front_->giveBack(id, keep); });
  front_ = std::make_unique<FrontDoor>(
      listener_, limits, [this](Handover h) { return workers_->submit(std::move(h)); }, metrics);
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  workers_->start();
  front_->start();
}

void HttpServer::stop() {
  if (stopped_) return;
  stopped_ = true;
  front_->stop();
  workers_->stop();
  front_.reset();  // closes the connections the request threads gave back
  listener_.close();
}

}  // namespace citygrants::http
