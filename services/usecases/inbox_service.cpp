#include "services/usecases/inbox_service.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "modules/access/access_rules.h"
#include "services/crypto/digest.h"
#include "services/stores/account_admin_store.h"
#include "services/stores/inbox_store.h"
#include "services/usecases/inbox_messages.h"
#include "services/usecases/inbox_records.h"

namespace citygrants::usecases {
namespace {

using inbox::Item;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

Item lockedItem(std::int64_t id, const std::string& email, const std::string& name,
                const std::string& organisation, std::string cause, std::int64_t until,
                std::int64_t since) {
  Item i;
  i.kind = std::string(inbox::kUserLocked);
  i.record = {"user", id, email, name, {}, "", "locked", {}};
  i.awaiting = {std::string(access::roleName(access::Role::kAdmin))};
  i.since = since;
  i.detail.organisation = organisation;
  i.detail.cause = std::move(cause);
  i.detail.locked_until = until;
  return i;
}

// Accounts an admin locked, and accounts whose sign-ins are refused after repeated failures
// (matched by the digest of their email, as the sign-in counts them). No route unlocks an
// account yet (`citygrants user lock --minutes 0` does): nothing is expected, only shown.
void addLockedAccounts(db::Tx& tx, std::int64_t now, std::vector<Item>& out) {
  std::set<std::int64_t> listed;
  for (const auto& u : stores::InboxAdminStore::lockedUsers(tx, now)) {
    out.push_back(
        lockedItem(u.id, u.email, u.name, u.organisation, "admin", u.locked_until, u.since));
    listed.insert(u.id);
  }
  const auto lockouts = stores::InboxAdminStore::signInLockouts(tx, now);
  if (lockouts.empty()) return;
  std::map<std::string, const stores::SignInLockout*> by_digest;
  for (const auto& l : lockouts) by_digest[l.email_hash] = &l;
  for (const auto& u : stores::InboxAdminStore::users(tx)) {
    const auto it = by_digest.find(crypto::sha256Hex(lower(u.email)));
    if (it == by_digest.end() || listed.count(u.id) != 0) continue;
    out.push_back(lockedItem(u.id, u.email, u.name, u.organisation, "failed_sign_ins",
                             it->second->locked_until, it->second->since));
  }
}

// Second-factor resets another admin requested, which this admin may confirm (four eyes: not
// their own request, not their own factor), due when the request expires.
void addSecondFactorResets(db::Tx& tx, const Actor& actor, std::int64_t now,
                           std::vector<Item>& out) {
  std::vector<stores::PendingResetRow> rows;
  for (auto& p : stores::AccountAdminStore::pendingResets(tx, now)) {
    if (p.reset.requested_by != actor.user_id && p.reset.user_id != actor.user_id) {
      rows.push_back(std::move(p));
    }
  }
  if (rows.empty()) return;
  std::vector<Actors> named(rows.size());
  ActorNaming naming(actor);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    naming.add(named[k], "requested_by", rows[k].reset.requested_by, {});
  }
  naming.resolve(tx);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& p = rows[k];
    Item i;
    i.kind = std::string(inbox::kSecondFactorReset);
    i.record = {"user", p.reset.user_id, p.email, p.name, {}, "", "second_factor_reset", {}};
    i.awaiting = {std::string(access::roleName(access::Role::kAdmin))};
    i.since = p.reset.requested_at;
    i.due_at = p.reset.expires_at;
    i.detail.organisation = p.organisation;
    for (const auto& a : named[k]) {
      if (a.view.id) i.people.push_back({a.field, *a.view.id, a.view.name});
    }
    out.push_back(std::move(i));
  }
}

void addFailedMail(db::Tx& tx, std::vector<Item>& out) {
  for (const auto& m : stores::InboxAdminStore::failedMail(tx)) {
    Item i;
    i.kind = std::string(inbox::kMailFailed);
    i.record = {"mail", m.id, m.to_email, m.subject, {}, "", m.dead_at ? "dead" : "failed", {}};
    i.awaiting = {std::string(access::roleName(access::Role::kAdmin))};
    i.since = m.created_at;
    i.detail.template_key = m.template_key;
    i.detail.attempts = m.attempts;
    i.detail.last_error = m.last_error;
    if (!m.dead_at) i.detail.next_attempt_at = m.next_attempt_at;
    out.push_back(std::move(i));
  }
}

// Nothing records a verification of the chain (GET /audit/verify and `citygrants verify-audit`
// recompute it and keep no trace), so the item says so and waits since the chain's first event.
void addAuditChain(db::Tx& tx, std::int64_t now, std::vector<Item>& out) {
  const auto head = stores::InboxAdminStore::auditChain(tx);
  Item i;
  i.kind = std::string(inbox::kAuditVerification);
  i.record = {"audit_chain",
              head.last_seq,
              "1-" + std::to_string(head.last_seq),
              "",
              {},
              "",
              "unverified",
              {}};
  i.expected = {"verify"};
  i.awaiting = {std::string(access::roleName(access::Role::kAuditor))};
  i.since = head.first_at.value_or(now);
  i.detail.events = head.last_seq;
  i.detail.last_event_at = head.last_at;
  i.detail.verification_recorded = false;
  out.push_back(std::move(i));
}

}  // namespace

InboxView inboxView(db::Tx& tx, const Actor& actor, std::int64_t now, const InboxQuery& query) {
  std::vector<Item> items;
  inbox::Uncounted uncounted;  // proposals waiting that were not made items
  addRecordItems(tx, actor, now, query, items, uncounted);
  addMessageItems(tx, actor, items);
  const bool admin = access::may(actor, access::Action::kManageUsers);
  if (admin) {
    addLockedAccounts(tx, now, items);
    addSecondFactorResets(tx, actor, now, items);
    addFailedMail(tx, items);
  }
  if (actor.roles.has(access::Role::kAuditor)) addAuditChain(tx, now, items);
  InboxView view;
  view.shows_unaudited = admin;
  view.now = now;
  view.counts = inbox::countByKind(items, uncounted);
  for (const auto& c : view.counts) {
    if (!query.kind || c.kind == *query.kind) view.total += c.count;
  }
  if (query.kind) std::erase_if(items, [&](const Item& i) { return i.kind != *query.kind; });
  inbox::sortByUrgency(items, now);
  if (static_cast<int>(items.size()) > query.limit)
    items.resize(static_cast<std::size_t>(query.limit));
  view.items = std::move(items);
  return view;
}

InboxView InboxService::of(const Actor& actor, const InboxQuery& query) {
  const auto now = ctx_.clock.nowMs();
  auto tx = ctx_.db.read();  // one snapshot for every statement, on either database
  auto view = inboxView(tx, actor, now, query);
  tx.commit();
  return view;
}

}  // namespace citygrants::usecases
