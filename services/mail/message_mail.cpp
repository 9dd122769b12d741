#include "services/mail/message_mail.h"

#include <set>
#include <vector>

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

// A recipient and what the side they are told as reads.
struct Told {
  Recipient to;
  access::ThreadRights rights;
};

// The sender as a reader with `rights` may know them, in `language`.
std::string senderFor(const stores::Message& m, const ThreadParties& parties,
                      const access::ThreadRights& rights, const std::string& language) {
  const auto side = access::parseSide(m.author_side).value_or(Side::kPartner);
  switch (access::authorShownTo(rights, side, m.author_org_id == parties.supporting_org_id)) {
    case access::AuthorShown::kPerson:
      return m.author_name + " (" + m.author_org_name + ")";
    case access::AuthorShown::kOrganisation:
      return m.author_org_name;
    case access::AuthorShown::kSide:
      break;
  }
  return std::string(text(language, "sender.partner"));
}

std::vector<Told> recipientsOf(db::Tx& tx, const stores::Message& m, const ThreadParties& parties,
                               MessageVisibility visibility) {
  const access::ThreadRights city{access::kSharedOnly, access::kSharedOnly};
  const access::ThreadRights staff{access::kSharedAndInternal, access::kSharedAndInternal};
  std::vector<Told> out;
  auto add = [&](const std::vector<Recipient>& people, const access::ThreadRights& rights) {
    for (const auto& r : people) out.push_back({r, rights});
  };
  if (access::sideReads(Side::kCity, visibility) && m.author_side != "city") {
    add(OutboxStore::usersWithRole(tx, access::Role::kApplicant, parties.city_org_id), city);
  }
  if (access::sideReads(Side::kFund, visibility) && m.author_side != "fund") {
    add(OutboxStore::usersWithRole(tx, access::Role::kFundManager), staff);
  }
  if (parties.supporting_org_id != 0 && access::sideReads(Side::kPartner, visibility) &&
      m.author_org_id != parties.supporting_org_id) {
    add(OutboxStore::usersWithRole(tx, access::Role::kPartner, parties.supporting_org_id), staff);
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
                                  {"sender", senderFor(m, parties, told.rights, r.language)},
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
