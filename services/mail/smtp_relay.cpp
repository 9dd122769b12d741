#include "services/mail/smtp_relay.h"

#include <cctype>

#include <Poco/Exception.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>

namespace citygrants::mail {
namespace {

using Poco::Net::MailMessage;
using Poco::Net::MailRecipient;

bool hasSpaceOrControl(const std::string& s) {
  for (unsigned char c : s) {
    if (c <= ' ' || c == 0x7f) return true;
  }
  return false;
}

// One plain address, local@domain, in printable ASCII without the characters that would make it
// more than that (a display name, a group, a second address, a header of its own).
bool isPlainAddress(const std::string& s) {
  const auto at = s.find('@');
  if (at == 0 || at == std::string::npos || at + 1 == s.size() ||
      s.find('@', at + 1) != std::string::npos) {
    return false;
  }
  for (unsigned char c : s) {
    if (c <= ' ' || c >= 0x7f) return false;
    if (std::string_view("<>()[],;:\"\\").find(static_cast<char>(c)) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

// The body with CRLF line ends, as SMTP wants them, whatever ends the lines had.
std::string crlfLines(const std::string& body) {
  std::string out;
  out.reserve(body.size() + body.size() / 32);
  for (char c : body) {
    if (c == '\r') continue;
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::string describe(const Poco::Exception& e) { return e.displayText(); }

}  // namespace

int smtpReplyCode(int exception_code, const std::string& text) {
  if (exception_code >= 200 && exception_code < 600) return exception_code;
  for (std::size_t i = 0; i + 3 <= text.size(); ++i) {
    const bool starts = i == 0 || !std::isdigit(static_cast<unsigned char>(text[i - 1]));
    const bool ends = i + 3 == text.size() || !std::isdigit(static_cast<unsigned char>(text[i + 3]));
    if (starts && ends && text[i] >= '2' && text[i] <= '5' &&
        std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isdigit(static_cast<unsigned char>(text[i + 2]))) {
      return (text[i] - '0') * 100 + (text[i + 1] - '0') * 10 + (text[i + 2] - '0');
    }
  }
  return 0;
}

RelaySettings checkedRelaySettings(RelaySettings s) {
  if (s.host.empty() || hasSpaceOrControl(s.host)) {
    throw std::invalid_argument("--smtp-host must be a host name or address");
  }
  if (s.port < 1 || s.port > 65535) throw std::invalid_argument("--smtp-port must be 1-65535");
  if (!isPlainAddress(s.from)) {
    throw std::invalid_argument(
        "--mail-from must be one plain address such as no-reply@example.org, not '" + s.from + "'");
  }
  const bool http = s.console_url.rfind("http://", 0) == 0;
  const bool https = s.console_url.rfind("https://", 0) == 0;
  const std::size_t host_at = http ? 7 : 8;
  if ((!http && !https) || s.console_url.size() <= host_at || s.console_url[host_at] == '/' ||
      hasSpaceOrControl(s.console_url) || s.console_url.find('#') != std::string::npos) {
    throw std::invalid_argument(
        "--console-url must be the console's http:// or https:// address "
        "(without #), not '" +
        s.console_url + "'");
  }
  if (s.console_url.back() != '/') s.console_url += '/';
  if (s.timeout_seconds < 1) throw std::invalid_argument("the relay timeout must be positive");
  return s;
}

std::string messageIdFor(std::int64_t id, std::int64_t created_at, const std::string& from) {
  const auto at = from.find('@');
  const std::string domain = at == std::string::npos ? "citygrants.invalid" : from.substr(at + 1);
  return "<outbox." + std::to_string(id) + "." + std::to_string(created_at) + "@" + domain + ">";
}

SmtpConnection::SmtpConnection(const RelaySettings& s)
    : from_(s.from), relay_(s.host + ":" + std::to_string(s.port)) {
  const Poco::Timespan timeout(s.timeout_seconds, 0);
  try {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress(s.host, static_cast<Poco::UInt16>(s.port)), timeout);
    session_ = std::make_unique<Poco::Net::SMTPClientSession>(socket);
    session_->setTimeout(timeout);
    session_->login();  // EHLO (HELO if the relay knows no EHLO); the relay trusts us, no AUTH
  } catch (const Poco::Exception& e) {
    session_.reset();
    throw RelayUnreachable("relay " + relay_ + ": " + describe(e));
  }
}

SmtpConnection::~SmtpConnection() {
  if (!session_) return;
  try {
    session_->close();
  } catch (...) {
    // Every message was accepted or recorded as failed already; a lost QUIT changes nothing.
  }
}

void SmtpConnection::send(const Envelope& e) {
  if (!isPlainAddress(e.to)) throw RelayRefused("not a mail address: '" + e.to + "'", true);
  MailMessage m;
  m.setSender(from_);
  m.addRecipient(MailRecipient(MailRecipient::PRIMARY_RECIPIENT, e.to));
  m.setSubject(MailMessage::encodeWord(e.subject, "UTF-8"));
  m.setDate(Poco::Timestamp());
  m.set("Message-ID", e.message_id);
  m.set("Content-Language", e.language);
  m.set("Auto-Submitted", "auto-generated");  // RFC 3834: no auto-replies, please
  // Poco writes MIME-Version only for multipart messages; without it a reader may show the
  // quoted-printable text as it is.
  m.set(MailMessage::HEADER_MIME_VERSION, "1.0");
  m.setContentType("text/plain; charset=UTF-8");
  m.setContent(crlfLines(e.body), MailMessage::ENCODING_QUOTED_PRINTABLE);
  try {
    session_->sendMessage(m);
  } catch (const Poco::Net::SMTPException& refused) {
    const int code = smtpReplyCode(refused.code(), refused.displayText());
    throw RelayRefused("relay " + relay_ + ": " + describe(refused), code >= 500 && code < 600);
  } catch (const Poco::Exception& broken) {
    throw RelayUnreachable("relay " + relay_ + ": " + describe(broken));
  }
}

void SmtpConnection::reset() {
  try {
    std::string response;
    const int status = session_->sendCommand("RSET", response);
    if (status / 100 != 2) throw RelayUnreachable("relay " + relay_ + " refused RSET: " + response);
  } catch (const Poco::Exception& e) {
    throw RelayUnreachable("relay " + relay_ + ": " + describe(e));
  }
}

}  // namespace citygrants::mail
