#include <Poco/Net/HTMLForm.h>

#include "services/usecases/attachment_service.h"
#include "web/handlers/routes.h"
#include "web/handlers/uploads.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {
namespace {

// The one file part named "file" of the multipart/form-data body of `req`: 415 for another
// content type, 422 naming `file` when there is not exactly one.
usecases::UploadedFile readUpload(const ApiRequest& req) {
  Poco::Net::HTMLForm form;
  FileParts parts;
  readMultipart(req, form, parts, 10);
  if (parts.files.size() != 1) throw core::Problem::invalidField("file", "request.one_file_part");
  return std::move(parts.files.front());
}

http::JsonObject attachmentJson(const stores::Attachment& a) {
  auto o = http::object();
  o->set("id", a.id);
  http::setOptional(o, "proposal_id", a.proposal_id);
  http::setOptional(o, "report_id", a.report_id);
  o->set("filename", a.filename);
  o->set("content_type", a.content_type);
  o->set("size_bytes", a.size_bytes);
  o->set("sha256", a.sha256);
  o->set("uploaded_by", a.uploaded_by);
  o->set("created_at", http::isoTime(a.created_at));
  o->set("href", "/api/v1/attachments/" + std::to_string(a.id) + "/content");
  return o;
}

ApiResponse created(const stores::Attachment& a) {
  auto r = http::jsonResponse(attachmentJson(a), 201);
  r.headers.emplace_back("Location", "/api/v1/attachments/" + std::to_string(a.id));
  return r;
}

}  // namespace

ApiResponse postProposalAttachment(ApiContext& ctx, ApiRequest& req) {
  const auto id = req.id();
  const auto file = readUpload(req);
  return created(usecases::AttachmentService(ctx.useCases()).attachToProposal(req.who(), id, file.filename, file.content));
}

ApiResponse postReportAttachment(ApiContext& ctx, ApiRequest& req) {
  const auto id = req.id();
  const auto file = readUpload(req);
  return created(usecases::AttachmentService(ctx.useCases()).attachToReport(req.who(), id, file.filename, file.content));
}

ApiResponse listProposalAttachments(ApiContext& ctx, ApiRequest& req) {
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& a : usecases::AttachmentService(ctx.useCases()).ofProposal(req.who(), req.id())) {
    items->add(attachmentJson(a));
  }
  return http::jsonResponse(http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt));
}

ApiResponse getAttachment(ApiContext& ctx, ApiRequest& req) {
  return http::jsonResponse(attachmentJson(usecases::AttachmentService(ctx.useCases()).get(req.who(), req.id())));
}

ApiResponse getAttachmentContent(ApiContext& ctx, ApiRequest& req) {
  usecases::AttachmentService files(ctx.useCases());
  const auto meta = files.get(req.who(), req.id());
  return downloadOf(meta, files.content(req.who(), meta.id));
}

}  // namespace citygrants::handlers
