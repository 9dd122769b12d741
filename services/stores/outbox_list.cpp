#include "services/stores/outbox_list.h"

#include <stdexcept>

#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

// Each status, its name and its condition over outbox_mail aliased `m`: the one place that says
// what a status is. The conditions exclude one another and cover every row.
struct StatusRule {
  MailStatus status;
  std::string_view name;
  std::string_view condition;
};

// clang-format off
constexpr StatusRule kRules[] = {
  // status               name      condition
  {MailStatus::kQueued,   "queued", "m.sent_at IS NULL AND m.last_error IS NULL"},
  {MailStatus::kSent,     "sent",   "m.sent_at IS NOT NULL"},
  {MailStatus::kFailed,   "failed", "m.sent_at IS NULL AND m.last_error IS NOT NULL"},
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

std::array<std::int64_t, 3> countByStatus(db::Tx& tx) {
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < std::size(kRules); ++i) {
    sql += i == 0 ? "" : ", ";
    sql += "COALESCE(SUM(CASE WHEN ";
    sql += kRules[i].condition;
    sql += " THEN 1 ELSE 0 END), 0)";
  }
  sql += " FROM outbox_mail m";
  std::array<std::int64_t, 3> by_rule{};
  tx.sql() << sql, soci::into(by_rule[0]), soci::into(by_rule[1]), soci::into(by_rule[2]);
  std::array<std::int64_t, 3> out{};
  for (std::size_t i = 0; i < std::size(kRules); ++i) {
    for (std::size_t j = 0; j < kMailStatuses.size(); ++j) {
      if (kMailStatuses[j] == kRules[i].status) out[j] = by_rule[i];
    }
  }
  return out;
}

}  // namespace

std::string_view mailStatusName(MailStatus status) { return ruleOf(status).name; }

std::optional<MailStatus> parseMailStatus(std::string_view name) {
  for (const auto& r : kRules) {
    if (r.name == name) return r.status;
  }
  return std::nullopt;
}

OutboxPage listOutbox(db::Tx& tx, const OutboxQuery& q) {
  if (q.limit < 1 || q.limit > kMaxLimit || q.offset < 0 || q.offset > kMaxOffset) {
    throw std::invalid_argument("bad outbox query");
  }
  OutboxPage page;
  page.counts = countByStatus(tx);
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
  st.exchange(soci::into(status));
  prepareAndRun(st,
                "SELECT m.id, m.to_user_id, m.to_email, m.language, m.template, m.subject, "
                "m.created_at, m.sent_at, m.attempts, m.last_error, m.next_attempt_at, " +
                    statusCase() + " FROM outbox_mail m" + statusWhere(q.statuses) +
                    " ORDER BY m.created_at DESC, m.id DESC LIMIT " + std::to_string(q.limit + 1) +
                    " OFFSET " + std::to_string(q.offset));
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
