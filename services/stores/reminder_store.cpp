#include "services/stores/reminder_store.h"

#include <stdexcept>

#include "services/stores/state_since.h"

namespace citygrants::stores {
namespace {

using clock::RecordKind;

constexpr const char* kReports =
    "SELECT r.id, r.due_at, r.state, g.state, r.kind, g.reference, g.city_org_id, "
    "g.supporting_org_id, o.name FROM reports r JOIN grants g ON g.id = r.grant_id "
    "JOIN organisations o ON o.id = g.city_org_id WHERE r.state = 'draft' ORDER BY r.id";

constexpr const char* kAssignments =
    "SELECT a.id, a.due_at, a.state, a.partner_org_id, p.reference, p.city_org_id, o.name "
    "FROM review_assignments a JOIN proposals p ON p.id = a.proposal_id "
    "JOIN organisations o ON o.id = p.city_org_id "
    "WHERE a.state IN ('assigned', 'in_progress') AND a.due_at IS NOT NULL ORDER BY a.id";

constexpr const char* kCalls =
    "SELECT DISTINCT c.id, c.closes_at, c.state, c.code, c.title, p.city_org_id, o.name "
    "FROM calls c JOIN proposals p ON p.call_id = c.id "
    "JOIN organisations o ON o.id = p.city_org_id "
    "WHERE c.state = 'open' AND p.state IN ('draft', 'concept_draft') "
    "ORDER BY c.id, p.city_org_id";

std::string awardsQuery() {
  return "SELECT p.id, " + stateSinceSql("proposal", "p", "p.updated_at") +
         ", p.state, p.reference, p.city_org_id, o.name, COALESCE(p.award_proposed_by, 0), "
         "COALESCE(p.award_minor, 0), c.currency FROM proposals p "
         "JOIN calls c ON c.id = p.call_id JOIN organisations o ON o.id = p.city_org_id "
         "WHERE p.state = 'award_proposed' ORDER BY p.id";
}

ReminderFact start(RecordKind kind, std::int64_t id, std::int64_t anchor, std::string state,
                   const char* link) {
  ReminderFact f;
  f.fact.record = kind;
  f.fact.record_id = id;
  f.fact.anchor_ms = anchor;
  f.fact.state = std::move(state);
  f.link = std::string(link) + std::to_string(id);
  return f;
}

void readReports(db::Tx& tx, std::vector<ReminderFact>& out) {
  std::int64_t id = 0, due = 0, city = 0, partner = 0;
  std::string state, grant_state, kind, reference, city_name;
  soci::statement st =
      (tx.sql().prepare << kReports, soci::into(id), soci::into(due), soci::into(state),
       soci::into(grant_state), soci::into(kind), soci::into(reference), soci::into(city),
       soci::into(partner), soci::into(city_name));
  st.execute();
  while (st.fetch()) {
    auto f = start(RecordKind::kReport, id, due, state, "reports/");
    f.fact.parent_state = grant_state;
    f.report_kind = kind;
    f.reference = reference;
    f.city_org_id = city;
    f.partner_org_id = partner;
    f.city_name = city_name;
    out.push_back(std::move(f));
  }
}

void readAssignments(db::Tx& tx, std::vector<ReminderFact>& out) {
  std::int64_t id = 0, due = 0, partner = 0, city = 0;
  std::string state, reference, city_name;
  soci::statement st =
      (tx.sql().prepare << kAssignments, soci::into(id), soci::into(due), soci::into(state),
       soci::into(partner), soci::into(reference), soci::into(city), soci::into(city_name));
  st.execute();
  while (st.fetch()) {
    auto f = start(RecordKind::kAssignment, id, due, state, "assignments/");
    f.reference = reference;
    f.partner_org_id = partner;
    f.city_org_id = city;
    f.city_name = city_name;
    out.push_back(std::move(f));
  }
}

void readAwards(db::Tx& tx, std::vector<ReminderFact>& out) {
  std::int64_t id = 0, since = 0, city = 0, proposer = 0, amount = 0;
  std::string state, reference, city_name, currency;
  const std::string query = awardsQuery();
  soci::statement st =
      (tx.sql().prepare << query, soci::into(id), soci::into(since), soci::into(state),
       soci::into(reference), soci::into(city), soci::into(city_name), soci::into(proposer),
       soci::into(amount), soci::into(currency));
  st.execute();
  while (st.fetch()) {
    auto f = start(RecordKind::kAward, id, since, state, "proposals/");
    f.reference = reference;
    f.city_org_id = city;
    f.city_name = city_name;
    f.proposer_id = proposer;
    f.amount_minor = amount;
    f.currency = currency;
    out.push_back(std::move(f));
  }
}

void readCalls(db::Tx& tx, std::vector<ReminderFact>& out) {
  std::int64_t id = 0, closes = 0, city = 0;
  std::string state, code, title, city_name;
  soci::statement st =
      (tx.sql().prepare << kCalls, soci::into(id), soci::into(closes), soci::into(state),
       soci::into(code), soci::into(title), soci::into(city), soci::into(city_name));
  st.execute();
  while (st.fetch()) {
    auto f = start(RecordKind::kCall, id, closes, state, "calls/");
    f.fact.recipient_org_id = city;
    f.reference = code;
    f.title = title;
    f.city_org_id = city;
    f.city_name = city_name;
    out.push_back(std::move(f));
  }
}

}  // namespace

const std::vector<Recipient>& ReminderPeople::of(access::Role role, std::int64_t org_id) const {
  static const std::vector<Recipient> kNone;
  const auto found = by_role_and_org.find({role, org_id});
  return found == by_role_and_org.end() ? kNone : found->second;
}

std::vector<ReminderFact> ReminderStore::facts(db::Tx& tx) {
  std::vector<ReminderFact> out;
  readReports(tx, out);
  readAssignments(tx, out);
  readAwards(tx, out);
  readCalls(tx, out);
  return out;
}

std::set<clock::Key> ReminderStore::recorded(db::Tx& tx) {
  std::set<clock::Key> out;
  std::string record_kind, reminder_kind;
  std::int64_t id = 0, org = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT record_kind, record_id, reminder_kind, recipient_org_id "
                           "FROM sent_reminders",
       soci::into(record_kind), soci::into(id), soci::into(reminder_kind), soci::into(org));
  st.execute();
  while (st.fetch()) {
    const auto record = clock::recordKindNamed(record_kind);
    const auto kind = clock::reminderKindNamed(reminder_kind);
    // A kind this binary no longer knows is never due again: nothing to key.
    if (record && kind) out.insert({*record, id, *kind, org});
  }
  return out;
}

ReminderPeople ReminderStore::people(db::Tx& tx) {
  ReminderPeople out;
  Recipient r;
  std::string role;
  std::int64_t org = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT u.id, u.email, u.language, u.name, u.org_id, g.role "
                           "FROM users u JOIN role_grants g ON g.user_id = u.id "
                           "WHERE u.active = 1 AND g.role IN ('applicant', 'partner', "
                           "'fund_manager') ORDER BY u.id",
       soci::into(r.user_id), soci::into(r.email), soci::into(r.language), soci::into(r.name),
       soci::into(org), soci::into(role));
  st.execute();
  while (st.fetch()) {
    const auto parsed = access::parseRole(role);
    if (!parsed) continue;
    if (*parsed == access::Role::kFundManager) out.fund_managers.push_back(r);
    out.by_role_and_org[{*parsed, org}].push_back(r);
  }
  return out;
}

void ReminderStore::record(db::Tx& tx, const clock::Key& key, bool sent, int mails,
                           std::int64_t window_at, std::int64_t now) {
  const std::string record_kind(clock::recordKindName(key.record));
  const std::string reminder_kind(clock::windowOf(key.kind).name);
  const std::string outcome = sent ? "sent" : "passed";
  tx.sql() << "INSERT INTO sent_reminders (record_kind, record_id, reminder_kind, "
              "recipient_org_id, outcome, mails, window_at, sent_at) "
              "VALUES (:rk, :id, :k, :org, :o, :m, :w, :now)",
      soci::use(record_kind), soci::use(key.record_id), soci::use(reminder_kind),
      soci::use(key.recipient_org_id), soci::use(outcome), soci::use(mails), soci::use(window_at),
      soci::use(now);
}

int ReminderStore::forget(db::Tx& tx, clock::RecordKind kind, std::int64_t record_id) {
  const std::string record_kind(clock::recordKindName(kind));
  soci::statement st =
      (tx.sql().prepare << "DELETE FROM sent_reminders WHERE record_kind = :k AND record_id = :id",
       soci::use(record_kind), soci::use(record_id));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

}  // namespace citygrants::stores
