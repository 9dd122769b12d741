#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/db/database.h"

namespace citygrants::stores {

// A file attached to a proposal, a report or a message of a thread.
struct Attachment {
  std::int64_t id = 0;
  std::optional<std::int64_t> proposal_id;
  std::optional<std::int64_t> report_id;
  std::optional<std::int64_t> message_id;
  std::string filename;
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string sha256;
  std::int64_t uploaded_by = 0;
  std::int64_t created_at = 0;
};

class AttachmentStore {
 public:
  // REQUIRES: exactly one of proposal_id / report_id / message_id is set.
  static std::int64_t insert(db::Tx& tx, const Attachment& a, const std::string& content);
  static std::optional<Attachment> load(db::Tx& tx, std::int64_t id);
  static std::string content(db::Tx& tx, std::int64_t id);
  static std::vector<Attachment> ofProposal(db::Tx& tx, std::int64_t proposal_id);
  static std::vector<Attachment> ofReport(db::Tx& tx, std::int64_t report_id);
  // The files of a message, in the order they were sent.
  static std::vector<Attachment> ofMessage(db::Tx& tx, std::int64_t message_id);
};

}  // namespace citygrants::stores
