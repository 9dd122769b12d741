#pragma once

#include <string>
#include <vector>

#include "services/stores/attachment_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// The metadata of a file to attach (name, type judged by its content, size, SHA-256), the record
// it belongs to and its uploader left for the caller; throws kInvalid naming `filename` for a bad
// name and `file` for an empty, too large or unaccepted file.
stores::Attachment checkedAttachment(const std::string& filename, const std::string& content);

// Files attached to proposals (while the city drafts) and reports (while in draft): at most
// 20 MiB each, their type judged by content, stored with their SHA-256.
class AttachmentService {
 public:
  explicit AttachmentService(Context ctx) : ctx_(ctx) {}

  // REQUIRES: the actor is an applicant of the proposal's city and the proposal is a draft
  // (concept_draft, draft, revision_requested). kInvalid names `file` for a wrong type or size
  // and `filename` for a bad name.
  stores::Attachment attachToProposal(const Actor& actor, std::int64_t proposal_id,
                                      const std::string& filename, const std::string& content);
  // REQUIRES: the actor is an applicant of the grant's city and the report is a draft.
  stores::Attachment attachToReport(const Actor& actor, std::int64_t report_id,
                                    const std::string& filename, const std::string& content);

  // kNotFound unless the actor may see the record the file belongs to; a message's files too
  // (MessageService serves those).
  stores::Attachment get(const Actor& actor, std::int64_t attachment_id);
  std::string content(const Actor& actor, std::int64_t attachment_id);
  std::vector<stores::Attachment> ofProposal(const Actor& actor, std::int64_t proposal_id);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
