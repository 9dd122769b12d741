#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "services/db/database.h"
#include "services/db/optional_soci.h"

// The outbox as the mail tests read it, behind the application's back.
namespace citygrants::testing {

struct MailRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> to_user;
  std::string to;
  std::string language;
  std::string key;  // the template
  std::string subject;
  std::string body;
  std::int64_t created_at = 0;
  int attempts = 0;
  std::int64_t next_attempt_at = 0;
  std::optional<std::int64_t> sent_at;
  std::optional<std::string> last_error;
  std::optional<std::string> claimed_by;
  std::optional<std::int64_t> dead_at;
  std::optional<std::int64_t> discarded_at;
};

// Every outbox row with an id above `after_id`, in id order.
inline std::vector<MailRow> mailRows(db::Database& db, std::int64_t after_id = 0) {
  auto tx = db.read();
  MailRow r;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, to_user_id, to_email, language, template, subject, body, "
                           "created_at, attempts, next_attempt_at, sent_at, last_error, claimed_by, "
                           "dead_at, discarded_at FROM outbox_mail WHERE id > :after ORDER BY id",
       soci::use(after_id), soci::into(r.id), soci::into(r.to_user), soci::into(r.to),
       soci::into(r.language), soci::into(r.key), soci::into(r.subject), soci::into(r.body),
       soci::into(r.created_at), soci::into(r.attempts), soci::into(r.next_attempt_at),
       soci::into(r.sent_at), soci::into(r.last_error), soci::into(r.claimed_by),
       soci::into(r.dead_at), soci::into(r.discarded_at));
  st.execute();
  std::vector<MailRow> out;
  while (st.fetch()) out.push_back(r);
  tx.commit();
  return out;
}

// The newest outbox row's id; 0 when there is none.
inline std::int64_t lastMailId(db::Database& db) {
  auto tx = db.read();
  std::int64_t id = 0;
  tx.sql() << "SELECT COALESCE(MAX(id), 0) FROM outbox_mail", soci::into(id);
  tx.commit();
  return id;
}

}  // namespace citygrants::testing
