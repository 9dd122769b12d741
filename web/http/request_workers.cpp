#include "web/http/request_workers.h"

#include <algorithm>
#include <memory>

#include <Poco/Buffer.h>
#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>

#include "services/crypto/digest.h"
#include "services/log/log_line.h"
#include "services/thread_name.h"
#include "web/http/canned_refusal.h"

namespace citygrants::http {
namespace {

// A session whose reads stop at the body's deadline: a body larger than the front door's window
// must keep arriving at the minimum rate however it trickles (Poco's socket timeout bounds one
// read, not the body). Past the deadline a read fails with a TimeoutException that the session
// remembers, and the body reader answers 408.
class PacedSession : public Poco::Net::HTTPServerSession {
 public:
  using Clock = std::chrono::steady_clock;
  PacedSession(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
               std::optional<Clock::time_point> deadline)
      : HTTPServerSession(socket, params), timeout_(params->getTimeout()), deadline_(deadline) {}

 protected:
  int read(char* buffer, std::streamsize length) override {
    if (deadline_ && buffered() == 0) {
      const auto left = std::chrono::duration_cast<std::chrono::microseconds>(*deadline_ - Clock::now());
      if (left.count() <= 0) {
        const Poco::TimeoutException late("the body did not arrive at the minimum rate");
        setException(late);
        throw late;
      }
      socket().setReceiveTimeout(std::min(timeout_, Poco::Timespan(left.count())));
    }
    return HTTPServerSession::read(buffer, length);
  }

 private:
  Poco::Timespan timeout_;
  std::optional<Clock::time_point> deadline_;
};

// A request Poco could not read as HTTP: answered here, since no handler exists for it.
void refuseUnreadable(Handover& h, const Refusal& refusal) {
  const auto request_id = crypto::randomHex(8);
  const auto answer = cannedResponse(refusal, request_id);
  logRefusal(refusal, {{}, {}, h.client, 0}, request_id, nullptr);
  try {
    h.socket.sendBytes(answer.data(), static_cast<int>(answer.size()));
  } catch (const Poco::Exception&) {
    // The client has gone: there is no one to tell.
  }
}

}  // namespace

RequestWorkers::RequestWorkers(Poco::Net::HTTPRequestHandlerFactory& factory,
                               Poco::Net::HTTPServerParams::Ptr params, std::size_t threads,
                               std::size_t max_queued, std::function<void(int, bool)> give_back)
    : factory_(factory),
      params_(std::move(params)),
      thread_count_(threads),
      max_queued_(max_queued),
      give_back_(std::move(give_back)) {}

RequestWorkers::~RequestWorkers() { stop(); }

void RequestWorkers::start() {
  for (std::size_t i = 0; i < thread_count_; ++i) threads_.emplace_back([this] { run(); });
}

void RequestWorkers::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
}

bool RequestWorkers::submit(Handover handover) {
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= max_queued_) return false;
    queue_.push_back(std::move(handover));
  }
  ready_.notify_one();
  return true;
}

void RequestWorkers::run() {
  services::nameThisThread("cg-http");
  for (;;) {
    Handover h;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every request taken is answered
      h = std::move(queue_.front());
      queue_.pop_front();
    }
    bool keep_alive = false;
    try {
      keep_alive = serve(h);
    } catch (const std::exception& e) {
      logs::LogLine("error", "request_thread_failed").text("detail", e.what()).write(logs::Stream::kApp);
    }
    give_back_(h.id, keep_alive);
  }
}

bool RequestWorkers::serve(Handover& h) {
  PacedSession session(h.socket, params_, h.body_deadline);
  bool keep_alive = false;
  {
    Poco::Net::HTTPServerResponseImpl response(session);
    try {
      Poco::Net::HTTPServerRequestImpl request(response, session, params_.get());
      response.setDate(Poco::Timestamp());
      response.setVersion(request.getVersion());
      response.setKeepAlive(h.may_keep_alive && request.getKeepAlive());
      std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(factory_.createRequestHandler(request));
      handler->handleRequest(request, response);
      keep_alive = response.getKeepAlive() && response.sent();
    } catch (const Poco::Net::NoMessageException&) {
      // The client closed without a request: nothing to answer.
    } catch (const Poco::Net::MessageException&) {
      refuseUnreadable(h, {400, "bad-request", "Bad request",
                           "the request line or a header field is malformed or too long", 0});
    } catch (const Poco::SyntaxException&) {  // Poco parses Content-Length before any handler
      refuseUnreadable(h, {400, "bad-framing", "Bad request framing",
                           "Content-Length is not a number of 1 to 18 digits", 0});
    } catch (const Poco::Exception&) {
      // The connection failed (reset, timed out) while reading or answering: close it.
    }
  }
  if (keep_alive) {
    // Bytes read past this request (a pipelined next one) would be lost with this session:
    // the connection is closed after the answer instead (RFC 9112 §9.6 lets a server close).
    Poco::Buffer<char> rest(0);
    session.drainBuffer(rest);
    keep_alive = rest.size() == 0;
  }
  session.detachSocket();  // the front door keeps the connection or closes it
  return keep_alive;
}

}  // namespace citygrants::http
