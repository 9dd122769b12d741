#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/audit/audit_query.h"
#include "services/db/database.h"
#include "services/stores/attachment_store.h"

// The messages table: the threads of proposals and grants (migration 0012). The rule of who reads
// which is not here (access/thread_access.h): callers say whether internal messages are included.
namespace citygrants::stores {

// The record a thread belongs to.
struct ThreadRecord {
  enum class Kind : std::uint8_t { kProposal, kGrant };
  Kind kind = Kind::kProposal;
  std::int64_t id = 0;

  std::string_view kindName() const { return kind == Kind::kProposal ? "proposal" : "grant"; }
};

// One message as written, with what is read beside it.
struct Message {
  std::int64_t id = 0;
  std::optional<std::int64_t> proposal_id;
  std::optional<std::int64_t> grant_id;
  std::string visibility;  // shared | internal
  std::string body;
  std::int64_t author_id = 0;
  std::int64_t author_org_id = 0;
  std::string author_side;  // city | fund | partner
  std::int64_t created_at = 0;
  // Read with the message (not written by insert):
  std::string author_name;
  std::string author_org_name;
  std::int64_t seq = 0;                 // the sequence number of its audit event
  std::vector<Attachment> attachments;  // in the order they were sent; metadata only

  ThreadRecord record() const {
    return proposal_id ? ThreadRecord{ThreadRecord::Kind::kProposal, *proposal_id}
                       : ThreadRecord{ThreadRecord::Kind::kGrant, grant_id.value_or(0)};
  }
};

// A record whose latest shared message waits for the other side's answer (the inbox).
struct AwaitedReply {
  ThreadRecord record;
  std::string reference;
  std::string title;  // the proposal's current title (a grant's proposal's)
  std::int64_t city_org_id = 0;
  std::string city_name;
  std::string state;
  std::int64_t message_id = 0;
  std::int64_t since = 0;  // when the message was written
};

class MessageStore {
 public:
  // Inserts the message's own columns (not the read-beside ones); returns its id.
  // REQUIRES: exactly one of proposal_id / grant_id is set.
  static std::int64_t insert(db::Tx& tx, const Message& m);

  // One message with its author's names, its audit sequence number and its files' metadata.
  static std::optional<Message> load(db::Tx& tx, std::int64_t id);

  // The messages of `record`'s thread, oldest first, each as load() reads it; shared ones only
  // unless `with_internal`. Two statements whatever the number of messages.
  static std::vector<Message> ofThread(db::Tx& tx, const ThreadRecord& record, bool with_internal);

  // The audit events of the same messages, oldest first (for the record's timeline), each with
  // its author as a person (AuditRow::person). One statement.
  static std::vector<audit::AuditRow> eventsOfThread(db::Tx& tx, const ThreadRecord& record,
                                                     bool with_internal);

  // The audit events of `record` (a proposal's own; a grant's own, its tranches' and its
  // reports') whose detail names a reason, oldest first, each with its actor as a person when a
  // user acted. One statement.
  static std::vector<audit::AuditRow> stepsOf(db::Tx& tx, const ThreadRecord& record);

  // The proposals and grants whose latest shared message was written by the city
  // (`from_city`) or by the fund or a partner (`!from_city`), of `city_org_id` only when given,
  // in record order. One statement.
  static std::vector<AwaitedReply> awaitingReply(db::Tx& tx, bool from_city,
                                                 std::optional<std::int64_t> city_org_id);
};

}  // namespace citygrants::stores
