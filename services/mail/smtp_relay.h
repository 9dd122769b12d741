#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace Poco::Net {
class SMTPClientSession;
}

namespace citygrants::mail {

// Where and as whom the outbox is sent (serve's --smtp-host, --smtp-port, --mail-from,
// --console-url).
struct RelaySettings {
  std::string host;
  int port = 25;
  std::string from = "no-reply@citygrants.invalid";
  std::string console_url;   // links in mail start with it, e.g. "https://grants.example.org/"
  int timeout_seconds = 20;  // connecting, and each reply of the relay
};

// The settings checked, with console_url ending in '/'. Throws std::invalid_argument naming the
// flag: smtp-host (empty, or with spaces or control characters), smtp-port (not 1-65535),
// mail-from (not one plain address: local@domain, printable ASCII, no spaces or <>), console-url
// (not http:// or https:// with a host, or with spaces or control characters).
RelaySettings checkedRelaySettings(RelaySettings settings);

// One message as it is handed to the relay.
struct Envelope {
  std::string to;
  std::string language;    // Content-Language
  std::string subject;     // UTF-8, one line
  std::string body;        // UTF-8, lines ending in '\n'
  std::string message_id;  // "<...@...>": the same for every attempt of one outbox message
};

// The relay answered a message with an error (4xx, 5xx) or the message cannot be sent as it is
// (a malformed address). The connection can go on after reset().
// `permanent`: the refusal will not change by trying again (an SMTP 5xx reply, or an address
// that is no address); otherwise (4xx) a later attempt may go through.
class RelayRefused : public std::runtime_error {
 public:
  RelayRefused(const std::string& what, bool permanent)
      : std::runtime_error(what), permanent_(permanent) {}
  bool permanent() const { return permanent_; }

 private:
  bool permanent_;
};

// The SMTP reply code a refusal carries: Poco's exception code when it is one (200-599), else the
// first three-digit code of its text ("550 5.1.1 ..."); 0 when there is none.
int smtpReplyCode(int exception_code, const std::string& text);

// The relay cannot be reached, or the connection broke or timed out.
class RelayUnreachable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One SMTP connection, opened for one batch of messages: connect (bounded by the timeout),
// greet (EHLO, no authentication), send each message, QUIT when destroyed.
class SmtpConnection {
 public:
  // Connects and greets. Throws RelayUnreachable when the relay cannot be reached or refuses us.
  explicit SmtpConnection(const RelaySettings& settings);
  ~SmtpConnection();  // QUIT; a relay gone by then changes nothing
  SmtpConnection(const SmtpConnection&) = delete;
  SmtpConnection& operator=(const SmtpConnection&) = delete;

  // Hands `e` to the relay as a UTF-8 text/plain message from settings.from.
  // Throws RelayRefused or RelayUnreachable; returns once the relay has accepted it.
  void send(const Envelope& e);
  // Ends a refused transaction (RSET) so that the next message can go. Throws RelayUnreachable.
  void reset();

 private:
  std::string from_;
  std::string relay_;  // "host:port", for errors
  std::unique_ptr<Poco::Net::SMTPClientSession> session_;
};

// The message id of outbox message `id`, created at `created_at`, in the domain of `from`.
std::string messageIdFor(std::int64_t id, std::int64_t created_at, const std::string& from);

}  // namespace citygrants::mail
