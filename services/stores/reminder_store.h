#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "modules/access/role.h"
#include "modules/clock/reminders.h"
#include "services/db/database.h"
#include "services/stores/outbox_store.h"

namespace citygrants::stores {

// One record the clock looks at (clock::Fact), with what its reminder's mail names.
struct ReminderFact {
  clock::Fact fact;
  std::string reference;            // the grant's (report), the proposal's, or the call's code
  std::string title;                // the call's title; empty for the others
  std::string report_kind;          // progress, financial, final (report)
  std::string city_name;            // the record's city (the recipient city of a call fact)
  std::int64_t city_org_id = 0;     // the record's city (the recipient city of a call fact)
  std::int64_t partner_org_id = 0;  // the supporting partner (report), the reviewer (assignment)
  std::int64_t proposer_id = 0;     // who proposed the award (award)
  std::int64_t amount_minor = 0;    // the award proposed (award)
  std::string currency;
  std::string link;  // the console path of the record: reports/7, assignments/3, ...
};

// The active users who may receive reminders, by role and organisation.
struct ReminderPeople {
  std::map<std::pair<access::Role, std::int64_t>, std::vector<Recipient>> by_role_and_org;
  std::vector<Recipient> fund_managers;
  // The users of `org_id` holding `role` (none when there are none), in id order.
  const std::vector<Recipient>& of(access::Role role, std::int64_t org_id) const;
};

// The sent_reminders table (migration 0014) and the facts the clock reads, each in a fixed
// number of statements whatever the fund's size.
class ReminderStore {
 public:
  // The records that may be due a reminder: draft reports (with their grant's state), review
  // assignments assigned or in progress, proposals in award_proposed (anchored at when they
  // entered it, from the audit trail), and each (open call, city with a draft in it). Four
  // queries.
  static std::vector<ReminderFact> facts(db::Tx& tx);
  // Every key recorded in sent_reminders, sent or passed.
  static std::set<clock::Key> recorded(db::Tx& tx);
  // The active applicants, partners and fund managers: one query.
  static ReminderPeople people(db::Tx& tx);

  // Records `key` at `now`: "sent" with `mails` messages written, or "passed" (mails 0).
  // REQUIRES: tx is the tick's write transaction (the one that wrote the mail); throws on a key
  // already recorded (the UNIQUE constraint), which rolls the tick back.
  static void record(db::Tx& tx, const clock::Key& key, bool sent, int mails,
                     std::int64_t window_at, std::int64_t now);

  // Forgets the reminders recorded for one record, so that its windows are due again (after an
  // amendment moved a report's due date, for instance). How many rows it removed.
  static int forget(db::Tx& tx, clock::RecordKind kind, std::int64_t record_id);
};

}  // namespace citygrants::stores
