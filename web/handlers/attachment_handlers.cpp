#include <cctype>
#include <cstdio>
#include <sstream>

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include "services/usecases/attachment_service.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {
namespace {

// Keeps the one part named "file" of a multipart/form-data upload.
class FilePart : public Poco::Net::PartHandler {
 public:
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection params;
    if (header.has("Content-Disposition")) {
      Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition"), disposition, params);
    }
    std::string content;
    Poco::StreamCopier::copyToString(stream, content);
    if (params.get("name", "") != "file") return;
    ++files;
    filename = params.get("filename", "");
    data = std::move(content);
  }
  int files = 0;
  std::string filename;
  std::string data;
};

// Reads the uploaded file of a multipart/form-data body into `part`: 415 for another content type, 422 naming
// `file` when there is not exactly one part named "file".
void readUpload(const ApiRequest& req, FilePart& part) {
  if (req.http.getContentType().rfind("multipart/form-data", 0) != 0) {
    throw http::HttpError(415, "unsupported-media-type", "request.send_multipart");
  }
  std::istringstream body(req.body);
  try {
    Poco::Net::HTMLForm form;
    form.setFieldLimit(10);
    form.load(req.http, body, part);
  } catch (const Poco::Exception&) {
    throw http::HttpError(400, "malformed-multipart", "request.multipart_unreadable");
  }
  if (part.files != 1) throw core::Problem::invalidField("file", "request.one_file_part");
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
  FilePart part;
  readUpload(req, part);
  return created(usecases::AttachmentService(ctx.useCases()).attachToProposal(req.who(), id, part.filename, part.data));
}

ApiResponse postReportAttachment(ApiContext& ctx, ApiRequest& req) {
  const auto id = req.id();
  FilePart part;
  readUpload(req, part);
  return created(usecases::AttachmentService(ctx.useCases()).attachToReport(req.who(), id, part.filename, part.data));
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
  ApiResponse r;
  r.body = files.content(req.who(), meta.id);
  r.content_type = meta.content_type;
  // Always a download, never rendered in the API's origin; the name percent-encoded (RFC 6266).
  std::string encoded;
  for (unsigned char c : meta.filename) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      encoded += buf;
    }
  }
  r.headers.emplace_back("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
  r.headers.emplace_back("X-Content-SHA256", meta.sha256);
  return r;
}

}  // namespace citygrants::handlers
