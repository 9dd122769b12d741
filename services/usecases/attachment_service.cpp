#include "services/usecases/attachment_service.h"

#include "modules/access/access_rules.h"
#include "modules/core/file_type.h"
#include "modules/core/problem.h"
#include "modules/workflow/proposal_flow.h"
#include "modules/workflow/report_flow.h"
#include "services/audit/audit_log.h"
#include "services/crypto/digest.h"
#include "services/stores/grant_store.h"
#include "services/stores/proposal_store.h"
#include "services/stores/review_store.h"
#include "services/usecases/proposal_facts.h"

namespace citygrants::usecases {
namespace {

using core::Problem;
using core::ProblemKind;

// The file's checked metadata; throws kInvalid naming `filename` or `file`.
stores::Attachment checkedFile(const std::string& filename, const std::string& content) {
  std::vector<core::FieldError> errors;
  if (!core::acceptableFilename(filename))
    errors.push_back({"filename", {"attachment.filename", {{"min", 1}, {"max", 200}}}});
  std::optional<std::string> type;
  if (content.empty()) {
    errors.push_back({"file", "attachment.empty"});
  } else if (content.size() > core::kMaxAttachmentBytes) {
    errors.push_back({"file", {"attachment.too_large", {{"max", 20}}}});
  } else if (!(type = core::detectFileType(content, filename))) {
    errors.push_back({"file", "attachment.type"});
  }
  if (!errors.empty()) throw Problem::invalid(errors);
  stores::Attachment a;
  a.filename = filename;
  a.content_type = *type;
  a.size_bytes = static_cast<std::int64_t>(content.size());
  a.sha256 = crypto::sha256Hex(content);
  return a;
}

access::Scope reportScope(db::Tx& tx, const stores::Report& r) {
  const auto g = stores::GrantStore::load(tx, r.grant_id);
  return {g->city_org_id, {g->supporting_org_id}};
}

// The scope of the record an attachment belongs to.
access::Scope ownerScope(db::Tx& tx, const stores::Attachment& a) {
  if (a.proposal_id) return proposalScope(tx, *stores::ProposalStore::load(tx, *a.proposal_id));
  return reportScope(tx, *stores::GrantStore::loadReport(tx, *a.report_id));
}

stores::Attachment store(Context ctx, db::Tx& tx, const Actor& actor, stores::Attachment a,
                         const std::string& content, const std::string& entity, std::int64_t entity_id,
                         const std::string& state) {
  a.uploaded_by = actor.user_id;
  a.created_at = ctx.clock.nowMs();
  a.id = stores::AttachmentStore::insert(tx, a, content);
  audit::appendAudit(tx, {actor.user_id, entity, entity_id, "attach", state, state,
                          Detail()
                              .number("attachment_id", a.id)
                              .text("filename", a.filename)
                              .text("sha256", a.sha256)
                              .json(),
                          a.created_at});
  return a;
}

// Loads an attachment the actor may see; kNotFound otherwise. A reviewer who has not declared
// no conflict of interest sees no more of a proposal than its title page: not its files.
stores::Attachment loadVisible(db::Tx& tx, const Actor& actor, std::int64_t attachment_id) {
  auto a = stores::AttachmentStore::load(tx, attachment_id);
  // A message's files are read through their message (MessageService), which knows who may.
  if (!a || a->message_id || !access::canSee(actor, ownerScope(tx, *a))) {
    throw Problem::notFound("attachment");
  }
  if (a->proposal_id) {
    const auto p = stores::ProposalStore::load(tx, *a->proposal_id);
    if (!p || !seesFullProposal(actor, *p, stores::ReviewStore::forProposal(tx, p->id))) {
      throw Problem::notFound("attachment");
    }
  }
  return *a;
}

}  // namespace

stores::Attachment checkedAttachment(const std::string& filename, const std::string& content) {
  return checkedFile(filename, content);
}

stores::Attachment AttachmentService::attachToProposal(const Actor& actor, std::int64_t proposal_id,
                                                       const std::string& filename,
                                                       const std::string& content) {
  auto checked = checkedFile(filename, content);  // hashing outside the write transaction
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto p = stores::ProposalStore::load(tx, proposal_id);
    if (!p || !access::canSee(actor, proposalScope(tx, *p))) throw Problem::notFound("proposal");
    if (!access::may(actor, access::Action::kEditProposal, {p->city_org_id, {}})) {
      throw Problem::forbidden("forbidden.attach_to_proposal");
    }
    if (!workflow::editableIn(workflow::kProposalFlow, p->state)) {
      throw Problem(ProblemKind::kInvalidTransition, "transition.attach_to_proposal");
    }
    checked.proposal_id = proposal_id;
    auto out = store(ctx_, tx, actor, checked, content, "proposal", proposal_id, p->state);
    tx.commit();
    return out;
  });
}

stores::Attachment AttachmentService::attachToReport(const Actor& actor, std::int64_t report_id,
                                                     const std::string& filename,
                                                     const std::string& content) {
  auto checked = checkedFile(filename, content);
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto r = stores::GrantStore::loadReport(tx, report_id);
    if (!r || !access::canSee(actor, reportScope(tx, *r))) throw Problem::notFound("report");
    if (!access::may(actor, access::Action::kEditReport, reportScope(tx, *r))) {
      throw Problem::forbidden("forbidden.attach_to_report");
    }
    if (!workflow::editableIn(workflow::kReportFlow, r->state)) {
      throw Problem(ProblemKind::kInvalidTransition, "transition.attach_to_report");
    }
    checked.report_id = report_id;
    auto out = store(ctx_, tx, actor, checked, content, "report", report_id, r->state);
    tx.commit();
    return out;
  });
}

stores::Attachment AttachmentService::get(const Actor& actor, std::int64_t attachment_id) {
  auto tx = ctx_.db.read();
  auto out = loadVisible(tx, actor, attachment_id);
  tx.commit();
  return out;
}

std::string AttachmentService::content(const Actor& actor, std::int64_t attachment_id) {
  auto tx = ctx_.db.read();
  loadVisible(tx, actor, attachment_id);
  auto out = stores::AttachmentStore::content(tx, attachment_id);
  tx.commit();
  return out;
}

std::vector<stores::Attachment> AttachmentService::ofProposal(const Actor& actor,
                                                           std::int64_t proposal_id) {
  auto tx = ctx_.db.read();
  auto p = stores::ProposalStore::load(tx, proposal_id);
  const auto assignments =
      p ? stores::ReviewStore::forProposal(tx, proposal_id) : std::vector<stores::Assignment>{};
  if (!p || !access::canSee(actor, proposalScope(*p, assignments))) {
    throw Problem::notFound("proposal");
  }
  // A reviewer who has not declared no conflict of interest sees no more than the title page.
  auto out = seesFullProposal(actor, *p, assignments)
                 ? stores::AttachmentStore::ofProposal(tx, proposal_id)
                 : std::vector<stores::Attachment>{};
  tx.commit();
  return out;
}

}  // namespace citygrants::usecases
