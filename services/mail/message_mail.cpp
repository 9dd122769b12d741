#include "services/mail/message_mail.h"

#include <set>
#include <vector>

#include "modules/access/actor_disclosure.h"
#include "modules/access/thread_access.h"
#include "modules/threads/message_text.h"
#include "services/mail/catalog.h"
#include "services/mail/render.h"
#include "services/stores/outbox_store.h"

namespace citygrants::mail {
namespace {

using access::MessageVisibility;
using access::Side;
using stores::OutboxStore;
using stores::Recipient;

constexpr std::size_t kQuotedChars = 2000;

// A recipient, and who they read as: their role and organisation on the record.
struct Told {
  Recipient to;
  access::Actor reader;
};

// The sender as `reader` may know them on the record of `parties` (access::discloseTo), in
// `language`.
std::string senderFor(const stores::Message& m, const ThreadParties& parties,
                      const access::Actor& reader, const std::string& language) {
  const access::Person author{
      m.author_id, m.author_name, m.author_org_id, m.author_org_name,
      access::parseOrgKind(m.author_side).value_or(access::OrgKind::kPartner)};
  const auto view =
      access::discloseTo(reader, author, {parties.city_org_id, parties.supporting_org_id});
  switch (view.disclosure) {
    case access::Disclosure::kPerson:
      return view.name + " (" + view.organisation + ")";
    case access::Disclosure::kOrganisation:
      return view.organisation;
    case access::Disclosure::kSide:
      break;
  }
  return std::string(text(language, "sender.partner"));
}

std::vector<Told> recipientsOf(db::Tx& tx, const stores::Message& m, const ThreadParties& parties,
                               MessageVisibility visibility) {
  std::vector<Told> out;
  auto add = [&](access::Role role, std::int64_t org_id) {
    for (const auto& r : OutboxStore::usersWithRole(tx, role, org_id)) {
      out.push_back({r, {r.user_id, org_id, role}});
    }
  };
  if (access::sideReads(Side::kCity, visibility) && m.author_side != "city") {
    add(access::Role::kApplicant, parties.city_org_id);
  }
  if (access::sideReads(Side::kFund, visibility) && m.author_side != "fund") {
    for (const auto& r : OutboxStore::usersWithRole(tx, access::Role::kFundManager)) {
      out.push_back({r, {r.user_id, 0, access::Role::kFundManager}});
    }
  }
  if (parties.supporting_org_id != 0 && access::sideReads(Side::kPartner, visibility) &&
      m.author_org_id != parties.supporting_org_id) {
    add(access::Role::kPartner, parties.supporting_org_id);
  }
  return out;
}

}  // namespace

void mailMessagePosted(db::Tx& tx, const stores::Message& m, const ThreadParties& parties,
                       std::int64_t now) {
  const auto visibility =
      access::parseVisibility(m.visibility).value_or(MessageVisibility::kInternal);
  const std::string key =
      visibility == MessageVisibility::kShared ? "message_received" : "internal_message_received";
  const auto record = m.record();
  const std::string link =
      consoleLink(std::string(record.kindName()) + "s/" + std::to_string(record.id));
  const std::string quoted = threads::excerpt(m.body, kQuotedChars);
  std::set<std::int64_t> seen{m.author_id};
  for (const auto& told : recipientsOf(tx, m, parties, visibility)) {
    const auto& r = told.to;
    if (!seen.insert(r.user_id).second) continue;
    const auto files = m.attachments.empty()
                           ? std::string()
                           : fill(text(r.language, "message.files"),
                                  {{"count", std::to_string(m.attachments.size())}});
    const auto rendered = render(r.language, key,
                                 {{"name", r.name},
                                  {"sender", senderFor(m, parties, told.reader, r.language)},
                                  {"reference", parties.reference},
                                  {"title", parties.title},
                                  {"city", parties.city_name},
                                  {"message", quoted},
                                  {"files", files},
                                  {"link", link}});
    OutboxStore::queue(
        tx, {r.user_id, r.email, rendered.language, key, rendered.subject, rendered.body}, now);
  }
}

}  // namespace citygrants::mail
