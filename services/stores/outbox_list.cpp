#include "services/stores/outbox_list.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

// Each status, its name and its condition over outbox_mail aliased `m`: the one place in C++ that
// says what a status is. The conditions exclude one another and cover every row. Migration
// 0031's triggers say it once more in SQL, to keep the tallies; test outbox_tallies holds the
// two to the same answer.
struct StatusRule {
  MailStatus status;
  std::string_view name;
  std::string_view condition;
};

// clang-format off
constexpr StatusRule kRules[] = {
  // status               name      condition
  {MailStatus::kQueued,    "queued",    "m.sent_at IS NULL AND m.dead_at IS NULL AND m.discarded_at IS NULL AND m.last_error IS NULL"},
  {MailStatus::kSent,      "sent",      "m.sent_at IS NOT NULL"},
  {MailStatus::kFailed,    "failed",    "m.sent_at IS NULL AND m.dead_at IS NULL AND m.discarded_at IS NULL AND m.last_error IS NOT NULL"},
  {MailStatus::kDead,      "dead",      "m.sent_at IS NULL AND m.dead_at IS NOT NULL AND m.discarded_at IS NULL"},
  {MailStatus::kDiscarded, "discarded", "m.sent_at IS NULL AND m.discarded_at IS NOT NULL"},
};
// clang-format on

constexpr int kMaxLimit = 200;
constexpr int kMaxOffset = 100000;

const StatusRule& ruleOf(MailStatus status) {
  for (const auto& r : kRules) {
    if (r.status == status) return r;
  }
  throw std::logic_error("mail status without a rule");
}

// " WHERE (a) OR (b)" for the statuses asked for, "" for all of them.
std::string statusWhere(const std::vector<MailStatus>& statuses) {
  std::string out;
  for (const auto s : statuses) {
    out += out.empty() ? " WHERE (" : " OR (";
    out += ruleOf(s).condition;
    out += ")";
  }
  return out;
}

// The status of the row as a number (its index in kRules).
std::string statusCase() {
  std::string out = "CASE";
  for (std::size_t i = 0; i < std::size(kRules); ++i) {
    out += " WHEN ";
    out += kRules[i].condition;
    out += " THEN " + std::to_string(i);
  }
  return out + " END";
}

// Where `status` stands in kMailStatuses (and in a MailCounts).
std::size_t slotOf(MailStatus status) {
  return static_cast<std::size_t>(std::find(kMailStatuses.begin(), kMailStatuses.end(), status) -
                                  kMailStatuses.begin());
}

// Messages and their delivery attempts per status: the tallies the triggers keep (migration
// 0031), a row per status, however many messages.
struct Tallied {
  MailCounts messages{};
  MailCounts attempts{};
};

Tallied tallied(db::Tx& tx) {
  Tallied out;
  std::string status;
  std::int64_t n = 0, attempts = 0;
  auto st = tx.prepared("SELECT status, n, attempts FROM outbox_tallies");
  st.into(status).into(n).into(attempts);
  for (bool row = st.execute(); row; row = st.fetch()) {
    if (const auto s = parseMailStatus(status)) {
      out.messages[slotOf(*s)] = n;
      out.attempts[slotOf(*s)] = attempts;
    }
  }
  return out;
}

// The columns of an OutboxItem and its status (statusCase), bound in exchangeItem's order.
std::string itemSelect() {
  return "SELECT m.id, m.to_user_id, m.to_email, m.language, m.template, m.subject, "
         "m.created_at, m.sent_at, m.attempts, m.last_error, m.next_attempt_at, m.dead_at, "
         "m.discarded_at, " +
         statusCase() + " FROM outbox_mail m";
}

void exchangeItem(soci::statement& st, OutboxItem& i, int& status) {
  st.exchange(soci::into(i.id));
  st.exchange(soci::into(i.to_user_id));
  st.exchange(soci::into(i.to_email));
  st.exchange(soci::into(i.language));
  st.exchange(soci::into(i.template_key));
  st.exchange(soci::into(i.subject));
  st.exchange(soci::into(i.created_at));
  st.exchange(soci::into(i.sent_at));
  st.exchange(soci::into(i.attempts));
  st.exchange(soci::into(i.last_error));
  st.exchange(soci::into(i.next_attempt_at));
  st.exchange(soci::into(i.dead_at));
  st.exchange(soci::into(i.discarded_at));
  st.exchange(soci::into(status));
}

}  // namespace

std::optional<OutboxItem> findOutboxItem(db::Tx& tx, std::int64_t id) {
  OutboxItem i;
  int status = 0;
  soci::statement st(tx.sql());
  exchangeItem(st, i, status);
  st.exchange(soci::use(id, "id"));
  prepareAndRun(st, itemSelect() + " WHERE m.id = :id");
  if (!st.fetch()) return std::nullopt;
  i.status = kRules[static_cast<std::size_t>(status)].status;
  return i;
}

std::string_view mailStatusName(MailStatus status) { return ruleOf(status).name; }

std::optional<MailStatus> parseMailStatus(std::string_view name) {
  for (const auto& r : kRules) {
    if (r.name == name) return r.status;
  }
  return std::nullopt;
}

OutboxTotals outboxTotals(db::Tx& tx) {
  // A sent message's last attempt succeeded; every other attempt failed.
  const auto t = tallied(tx);
  const auto attempts = std::accumulate(t.attempts.begin(), t.attempts.end(), std::int64_t{0});
  return {t.messages, attempts - t.messages[slotOf(MailStatus::kSent)]};
}

OutboxPage listOutbox(db::Tx& tx, const OutboxQuery& q) {
  if (q.limit < 1 || q.limit > kMaxLimit || q.offset < 0 || q.offset > kMaxOffset) {
    throw std::invalid_argument("bad outbox query");
  }
  OutboxPage page;
  page.counts = tallied(tx).messages;
  const auto statuses = q.statuses.empty()
                            ? std::vector<MailStatus>(kMailStatuses.begin(), kMailStatuses.end())
                            : q.statuses;
  for (std::size_t j = 0; j < kMailStatuses.size(); ++j) {
    for (const auto s : statuses) {
      if (s == kMailStatuses[j]) {
        page.total += page.counts[j];
        break;
      }
    }
  }
  OutboxItem i;
  int status = 0;
  soci::statement st(tx.sql());
  exchangeItem(st, i, status);
  prepareAndRun(st, itemSelect() + statusWhere(q.statuses) +
                        " ORDER BY m.created_at DESC, m.id DESC LIMIT " +
                        std::to_string(q.limit + 1) + " OFFSET " + std::to_string(q.offset));
  while (st.fetch()) {
    if (static_cast<int>(page.items.size()) == q.limit) {
      page.more = true;
      break;
    }
    i.status = kRules[static_cast<std::size_t>(status)].status;
    page.items.push_back(i);
  }
  return page;
}

}  // namespace citygrants::stores
