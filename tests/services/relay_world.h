#pragma once

#include <stdexcept>

#include "services/mail/outbox_worker.h"
#include "services/mail/smtp_relay.h"
#include "services/usecases/proposal_service.h"
#include "tests/services/fixture.h"

// What the outbox worker's tests share: the relay settings of the SMTP sink on loopback, a
// submission that queues mail, and running the worker until nothing is due.
namespace citygrants::testing {

inline constexpr const char* kFrom = "grants@fund.test";
inline constexpr const char* kConsole = "https://console.test/";

inline mail::RelaySettings relayTo(int port) {
  mail::RelaySettings r;
  r.host = "127.0.0.1";
  r.port = port;
  r.from = kFrom;
  r.console_url = kConsole;
  r.timeout_seconds = 5;
  return mail::checkedRelaySettings(r);
}

// A submission: three messages (two fund managers, a receipt to the city).
inline void submitOne(Fund& f) {
  usecases::ProposalService(f.ctx).fire(f.applicant_a, f.draftProposal(), {.event = "submit"});
}

// Runs batches until one finds nothing due; how many messages went out.
inline int drain(mail::OutboxWorker& w) {
  int sent = 0;
  for (int i = 0; i < 100; ++i) {
    const auto b = w.runOnce();
    sent += b.sent;
    if (b.claimed == 0) return sent;
  }
  throw std::runtime_error("the outbox never drained");
}

}  // namespace citygrants::testing
