#pragma once

#include <string>
#include <string_view>

#include "modules/access/thread_access.h"
#include "services/db/database.h"
#include "services/mail/message_mail.h"
#include "services/stores/message_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// The record a thread belongs to, as its messages need it: whom it belongs to, what the reader
// sees of it, and what mail names it by.
struct LoadedThreadRecord {
  access::Scope scope;    // proposalScope or grantScope
  bool sees_full = true;  // false for a reviewer who has not declared no conflict of interest
  mail::ThreadParties parties;
};

// Loads `record` for `actor`; throws Problem::notFound(`entity`) when there is none or the actor
// may not see it.
LoadedThreadRecord loadThreadRecord(db::Tx& tx, const Actor& actor,
                                    const stores::ThreadRecord& record, std::string_view entity);

// What `actor` may do on the thread of `r`: nothing for a reader who sees only its title page.
access::ThreadRights threadRightsOn(const Actor& actor, const LoadedThreadRecord& r);

}  // namespace citygrants::usecases
