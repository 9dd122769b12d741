#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/access/thread_access.h"
#include "services/audit/audit_log.h"
#include "services/stores/message_store.h"
#include "services/usecases/uploaded_file.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// A message as a client writes it.
struct NewMessage {
  std::string body;
  std::optional<std::string> visibility;  // "shared" | "internal"; required
  std::vector<UploadedFile> files;        // at most threads::kMaxFiles
};

// The author of a message or a step as one reader may know them (access::discloseTo).
struct ThreadAuthor {
  std::string side;                // city | fund | partner
  std::optional<std::int64_t> id;  // a person shown in full only
  std::string name;                // a person shown in full only
  std::string organisation;        // not when only the side is shown
};

// One entry of a thread: a message, or a workflow step of the record that carried a reason
// (returned for revision, declined, sent back, ...), in the order they happened.
struct ThreadEntry {
  std::int64_t seq = 0;  // the audit sequence number: the thread's order
  std::int64_t at = 0;
  std::optional<ThreadAuthor> author;      // none for the system
  std::optional<stores::Message> message;  // a message; else a step:
  std::string entity;                      // proposal, grant, tranche, report
  std::int64_t entity_id = 0;
  std::string event;
  std::string from;
  std::string to;
  std::string reason;
};

// A record's thread as one reader sees it.
struct ThreadView {
  std::vector<ThreadEntry> entries;  // oldest first
  access::ThreadRights rights;       // what the reader reads and may write
};

// A message's file as served: its metadata and bytes.
struct MessageFile {
  stores::Attachment meta;
  std::string content;
};

// A thread on every proposal and grant: messages between the city and the fund (and the
// partners), shared with the city or internal, with files, beside the reasons given with the
// record's workflow steps. Who reads and writes which is access/thread_access.h; a reader who may
// not see the record gets kNotFound, and a city never reads, counts or hears of an internal
// message (not in the thread, the timeline, the inbox, the mail, nor by its id).
class MessageService {
 public:
  explicit MessageService(Context ctx) : ctx_(ctx) {}

  // Writes a message on `record` in one transaction: the message, its files (stored like every
  // attachment), its audit event (entity "message", with the body, the visibility and the files'
  // digests: the record's timeline shows it) and the mail to the other side (mail::
  // mailMessagePosted). kNotFound when the actor may not see the record; kForbidden when they
  // see it but take no part in its thread (an auditor; a reviewer before declaring no conflict);
  // kInvalid naming `body`, `visibility` (also: a city writing an internal message), `file` or
  // `filename`.
  stores::Message post(const Actor& actor, const stores::ThreadRecord& record, NewMessage message);

  // The thread of `record` as `actor` reads it: the messages of the visibilities they read and
  // the steps with a reason, oldest first. Empty for a reader who sees the record but takes no
  // part in its thread. kNotFound when they may not see the record.
  ThreadView thread(const Actor& actor, const stores::ThreadRecord& record);

  // One message; kNotFound unless the actor reads it (an internal one is not found by a city).
  ThreadEntry message(const Actor& actor, std::int64_t message_id);

  // The `n`th file (from 1) of a message the actor reads; kNotFound otherwise.
  MessageFile file(const Actor& actor, std::int64_t message_id, std::int64_t n);

 private:
  Context ctx_;
};

// The audit events of the messages of `record`'s thread that `actor` reads, for the record's
// timeline: none unless `sees_full_record` (a reviewer before declaring sees the title page
// only). Each carries its author as a person: the timeline names them as the reader may know
// them (access::discloseTo; a reviewer, to a city, only as a strategic partner). `scope`: the
// record's (proposalScope, grantScope). REQUIRES: actor may see the record.
std::vector<audit::AuditRow> threadEventsFor(db::Tx& tx, const Actor& actor,
                                             const stores::ThreadRecord& record,
                                             const access::Scope& scope, bool sees_full_record);

}  // namespace citygrants::usecases
