#include "services/stores/inbox_store.h"
#include "services/stores/sql_util.h"

namespace citygrants::stores {

std::vector<LockedUser> InboxAdminStore::lockedUsers(db::Tx& tx, std::int64_t now) {
  LockedUser u;
  soci::statement st =
      (tx.sql().prepare << "SELECT u.id, u.email, u.name, o.name, u.locked_until, "
                           "COALESCE((SELECT MAX(e.at) FROM audit_events e WHERE e.entity = 'user' "
                           "AND e.entity_id = u.id AND e.event = 'lock'), u.created_at) "
                           "FROM users u JOIN organisations o ON o.id = u.org_id "
                           "WHERE u.locked_until > :now ORDER BY u.id",
       soci::use(now, "now"), soci::into(u.id), soci::into(u.email), soci::into(u.name),
       soci::into(u.organisation), soci::into(u.locked_until), soci::into(u.since));
  st.execute();
  std::vector<LockedUser> out;
  while (st.fetch()) out.push_back(u);
  return out;
}

std::vector<SignInLockout> InboxAdminStore::signInLockouts(db::Tx& tx, std::int64_t now) {
  SignInLockout l;
  soci::statement st =
      (tx.sql().prepare << "SELECT email_hash, window_start, locked_until FROM login_attempts "
                           "WHERE locked_until > :now ORDER BY email_hash",
       soci::use(now, "now"), soci::into(l.email_hash), soci::into(l.since),
       soci::into(l.locked_until));
  st.execute();
  std::vector<SignInLockout> out;
  while (st.fetch()) out.push_back(l);
  return out;
}

std::vector<UserName> InboxAdminStore::users(db::Tx& tx) {
  UserName u;
  soci::statement st =
      (tx.sql().prepare << "SELECT u.id, u.email, u.name, o.name, u.created_at FROM users u "
                           "JOIN organisations o ON o.id = u.org_id ORDER BY u.id",
       soci::into(u.id), soci::into(u.email), soci::into(u.name), soci::into(u.organisation),
       soci::into(u.created_at));
  st.execute();
  std::vector<UserName> out;
  while (st.fetch()) out.push_back(u);
  return out;
}

// In the order of the index of the messages that erred (migration 0031), which holds them alone:
// the outbox keeps every message it sent, and reading it in id order to find them took 62 ms at
// 463,470 messages.
std::vector<FailedMail> InboxAdminStore::failedMail(db::Tx& tx) {
  FailedMail m;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, to_email, template, subject, attempts, created_at, "
                           "next_attempt_at, last_error, dead_at FROM outbox_mail "
                           "WHERE sent_at IS NULL AND last_error IS NOT NULL "
                           "AND discarded_at IS NULL ORDER BY created_at, id",
       soci::into(m.id), soci::into(m.to_email), soci::into(m.template_key), soci::into(m.subject),
       soci::into(m.attempts), soci::into(m.created_at), soci::into(m.next_attempt_at),
       soci::into(m.last_error), soci::into(m.dead_at));
  st.execute();
  std::vector<FailedMail> out;
  while (st.fetch()) out.push_back(m);
  return out;
}

AuditChainHead InboxAdminStore::auditChain(db::Tx& tx) {
  AuditChainHead h;
  tx.sql() << "SELECT h.last_seq, (SELECT MIN(a.at) FROM audit_events a), "
              "(SELECT MAX(b.at) FROM audit_events b) FROM audit_head h WHERE h.id = 1",
      soci::into(h.last_seq), soci::into(h.first_at), soci::into(h.last_at);
  return h;
}

}  // namespace citygrants::stores
