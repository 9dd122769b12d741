#include "services/usecases/inbox_messages.h"

#include <string>

#include "modules/access/role.h"
#include "services/stores/message_store.h"

namespace citygrants::usecases {
namespace {

void addReplies(db::Tx& tx, bool from_city, std::optional<std::int64_t> city, std::string_view kind,
                access::Role awaiting, std::vector<inbox::Item>& out) {
  for (const auto& w : stores::MessageStore::awaitingReply(tx, from_city, city)) {
    inbox::Item i;
    i.kind = std::string(kind);
    const bool grant = w.record.kind == stores::ThreadRecord::Kind::kGrant;
    i.record = {std::string(w.record.kindName()),
                w.record.id,
                w.reference,
                w.title,
                w.city_org_id,
                w.city_name,
                w.state,
                grant ? std::optional<std::int64_t>(w.record.id) : std::nullopt};
    i.expected = {"reply"};
    i.awaiting = {std::string(access::roleName(awaiting))};
    i.since = w.since;
    out.push_back(std::move(i));
  }
}

}  // namespace

void addMessageItems(db::Tx& tx, const Actor& actor, std::vector<inbox::Item>& out) {
  if (actor.roles.has(access::Role::kFundManager)) {
    addReplies(tx, true, std::nullopt, inbox::kMessageFromCity, access::Role::kFundManager, out);
  }
  if (actor.roles.has(access::Role::kApplicant)) {
    addReplies(tx, false, actor.org_id, inbox::kMessageFromFund, access::Role::kApplicant, out);
  }
}

}  // namespace citygrants::usecases
