#include "services/stores/outbox_store.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include <soci/soci.h>

#include "services/db/optional_soci.h"

namespace citygrants::stores {
namespace {

// Kept statements (db::Prepared): mail is written inside the use cases that fire the events, so
// these run on the transition path.
constexpr const char* kRecipientsOfOrg =
    "SELECT u.id, u.email, u.language, u.name FROM users u "
    "JOIN role_grants g ON g.user_id = u.id WHERE g.role = :role AND u.active = 1 "
    "AND u.org_id = :org ORDER BY u.id";
constexpr const char* kRecipients =
    "SELECT u.id, u.email, u.language, u.name FROM users u "
    "JOIN role_grants g ON g.user_id = u.id WHERE g.role = :role AND u.active = 1 ORDER BY u.id";

// Every row names the organisation; without a user holding the role, one row with no user.
constexpr const char* kOrganisationWithRole =
    "SELECT o.name, u.id, u.email, u.language, u.name FROM organisations o "
    "LEFT JOIN users u ON u.org_id = o.id AND u.active = 1 AND EXISTS (SELECT 1 FROM "
    "role_grants g WHERE g.user_id = u.id AND g.role = :role) WHERE o.id = :org ORDER BY u.id";

std::vector<Recipient> fetchRecipients(db::Prepared& st, Recipient& row) {
  std::vector<Recipient> out;
  st.into(row.user_id).into(row.email).into(row.language).into(row.name);
  if (!st.execute()) return out;
  do {
    out.push_back(row);
  } while (st.fetch());
  return out;
}

// The due, unclaimed messages. The two dialects differ only in the locking clause: SQLite has no
// row locks (its one writer already keeps two claims apart), PostgreSQL skips the rows another
// claim is locking instead of waiting for them.
constexpr const char* kDueSqlite =
    "SELECT id FROM outbox_mail WHERE sent_at IS NULL AND dead_at IS NULL "
    "AND discarded_at IS NULL AND next_attempt_at <= :now "
    "AND (claimed_until IS NULL OR claimed_until <= :lease_now) "
    "ORDER BY next_attempt_at, id LIMIT :n";
constexpr const char* kDuePostgres =
    "SELECT id FROM outbox_mail WHERE sent_at IS NULL AND dead_at IS NULL "
    "AND discarded_at IS NULL AND next_attempt_at <= :now "
    "AND (claimed_until IS NULL OR claimed_until <= :lease_now) "
    "ORDER BY next_attempt_at, id LIMIT :n FOR UPDATE SKIP LOCKED";

}  // namespace

std::vector<Recipient> OutboxStore::usersWithRole(db::Tx& tx, access::Role role,
                                                  std::int64_t org_id) {
  const std::string name(access::roleName(role));
  Recipient r;
  auto st = tx.prepared(kRecipientsOfOrg);
  st.use(name).use(org_id);
  return fetchRecipients(st, r);
}

std::vector<Recipient> OutboxStore::usersWithRole(db::Tx& tx, access::Role role) {
  const std::string name(access::roleName(role));
  Recipient r;
  auto st = tx.prepared(kRecipients);
  st.use(name);
  return fetchRecipients(st, r);
}

Addressees OutboxStore::organisationWithRole(db::Tx& tx, access::Role role, std::int64_t org_id) {
  const std::string name(access::roleName(role));
  auto st = tx.prepared(kOrganisationWithRole);
  Addressees out;
  std::optional<std::int64_t> user_id;
  std::optional<std::string> email, language, user_name;
  st.use(name).use(org_id).into(out.organisation).into(user_id).into(email).into(language);
  st.into(user_name);
  if (!st.execute()) throw std::logic_error("mail to an organisation that does not exist");
  do {
    if (user_id) out.users.push_back({*user_id, *email, language.value_or("en"), *user_name});
  } while (st.fetch());
  return out;
}

void OutboxStore::queue(db::Tx& tx, const OutgoingMail& m, std::int64_t now) {
  queue(tx, std::vector<OutgoingMail>{m}, now);
}

void OutboxStore::queue(db::Tx& tx, const std::vector<OutgoingMail>& mails, std::int64_t now) {
  constexpr std::size_t kRowsPerStatement = 16;
  for (std::size_t first = 0; first < mails.size(); first += kRowsPerStatement) {
    const std::size_t n = std::min(kRowsPerStatement, mails.size() - first);
    std::string text =
        "INSERT INTO outbox_mail (to_user_id, to_email, language, template, subject, body, "
        "created_at, next_attempt_at) VALUES ";
    for (std::size_t k = 0; k < n; ++k) {
      const auto i = std::to_string(k);
      text += (k == 0 ? "(" : ", (") + (":user" + i) + ", :email" + i + ", :language" + i +
              ", :template" + i + ", :subject" + i + ", :body" + i + ", :now" + i + ", :due" + i +
              ")";
    }
    auto st = tx.prepared(text);
    for (std::size_t k = first; k < first + n; ++k) {
      const auto& m = mails[k];
      st.use(m.to_user_id).use(m.to_email).use(m.language).use(m.template_key).use(m.subject);
      st.use(m.body).use(now).use(now);
    }
    st.execute();
  }
}

std::vector<ClaimedMail> OutboxStore::claim(db::Tx& tx, const std::string& worker, std::int64_t now,
                                            std::int64_t until, int limit) {
  std::vector<std::int64_t> ids;
  {
    std::int64_t id = 0;
    soci::statement st =
        (tx.sql().prepare << (tx.dialect() == db::Dialect::kPostgres ? kDuePostgres : kDueSqlite),
         soci::use(now), soci::use(now), soci::use(limit), soci::into(id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
  }
  std::vector<ClaimedMail> out;
  for (std::int64_t id : ids) {
    tx.sql()
        << "UPDATE outbox_mail SET claimed_by = :worker, claimed_until = :until WHERE id = :id",
        soci::use(worker), soci::use(until), soci::use(id);
    ClaimedMail m;
    tx.sql() << "SELECT id, to_email, language, template, subject, body, created_at, attempts "
                "FROM outbox_mail WHERE id = :id",
        soci::use(id), soci::into(m.id), soci::into(m.to_email), soci::into(m.language),
        soci::into(m.template_key), soci::into(m.subject), soci::into(m.body),
        soci::into(m.created_at), soci::into(m.attempts);
    m.claimed_until = until;
    out.push_back(std::move(m));
  }
  return out;
}

bool OutboxStore::markSent(db::Tx& tx, std::int64_t id, std::int64_t now) {
  // Not guarded by the claim: the relay has the message, so this is what happened, whoever holds
  // the row now.
  soci::statement st =
      (tx.sql().prepare << "UPDATE outbox_mail SET sent_at = :now, attempts = attempts + 1, "
                           "claimed_by = NULL, claimed_until = NULL "
                           "WHERE id = :id AND sent_at IS NULL",
       soci::use(now), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool OutboxStore::markFailed(db::Tx& tx, std::int64_t id, const std::string& worker,
                             std::int64_t next_attempt_at, const std::string& error) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE outbox_mail SET attempts = attempts + 1, "
                           "next_attempt_at = :next, last_error = :error, claimed_by = NULL, "
                           "claimed_until = NULL "
                           "WHERE id = :id AND claimed_by = :worker AND sent_at IS NULL",
       soci::use(next_attempt_at), soci::use(error), soci::use(id), soci::use(worker));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool OutboxStore::markDead(db::Tx& tx, std::int64_t id, const std::string& worker,
                           std::int64_t now, const std::string& error) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE outbox_mail SET attempts = attempts + 1, dead_at = :now, "
                           "last_error = :error, claimed_by = NULL, claimed_until = NULL "
                           "WHERE id = :id AND claimed_by = :worker AND sent_at IS NULL",
       soci::use(now), soci::use(error), soci::use(id), soci::use(worker));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool OutboxStore::requeue(db::Tx& tx, std::int64_t id, std::int64_t now) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE outbox_mail SET dead_at = NULL, next_attempt_at = :now "
                           "WHERE id = :id AND dead_at IS NOT NULL AND discarded_at IS NULL",
       soci::use(now), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool OutboxStore::discard(db::Tx& tx, std::int64_t id, std::int64_t now) {
  // Not while a worker holds it: the relay may be taking it this moment.
  soci::statement st =
      (tx.sql().prepare << "UPDATE outbox_mail SET discarded_at = :now "
                           "WHERE id = :id AND sent_at IS NULL AND discarded_at IS NULL "
                           "AND (claimed_until IS NULL OR claimed_until <= :lease_now)",
       soci::use(now), soci::use(id), soci::use(now));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void OutboxStore::release(db::Tx& tx, std::int64_t id, const std::string& worker) {
  tx.sql() << "UPDATE outbox_mail SET claimed_by = NULL, claimed_until = NULL "
              "WHERE id = :id AND claimed_by = :worker",
      soci::use(id), soci::use(worker);
}

}  // namespace citygrants::stores
