#pragma once

#include <cstdint>
#include <string>

#include "services/db/database.h"
#include "services/stores/message_store.h"

namespace citygrants::mail {

// The record a new message was written on, as the mail names it.
struct ThreadParties {
  std::string reference;  // GCF-2026-0014, GCF-2026-0014-G
  std::string title;
  std::string city_name;
  std::int64_t city_org_id = 0;
  std::int64_t supporting_org_id = 0;  // 0 when the record has none yet
};

// Tells the other side of `m` (as written, its id and author's names set), in each recipient's
// language, in the use case's transaction `tx`: the city's applicants of a shared message, every
// fund manager, and the supporting partner's partners — each side only when its people read the
// message's visibility (access::sideReads: never the city for an internal one), and never the
// author's own side (for partners: the author's own organisation). Template "message_received",
// or "internal_message_received" for an internal message; the sender is named as each recipient
// may know them (access::discloseTo); the body is quoted up to 2,000 characters.
// REQUIRES: tx is the use case's write transaction.
void mailMessagePosted(db::Tx& tx, const stores::Message& m, const ThreadParties& parties,
                       std::int64_t now);

}  // namespace citygrants::mail
