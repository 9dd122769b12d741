#include <Poco/Net/HTMLForm.h>

#include "modules/threads/message_text.h"
#include "services/usecases/message_service.h"
#include "web/handlers/routes.h"
#include "web/handlers/uploads.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"

// The threads of proposals and grants: GET and POST .../messages, one message, a message's file.
namespace citygrants::handlers {
namespace {

using stores::ThreadRecord;

// The message of a POST: JSON {"body", "visibility"}, or multipart/form-data with the fields
// body and visibility and up to threads::kMaxFiles parts named "file".
usecases::NewMessage readMessage(const ApiRequest& req) {
  usecases::NewMessage out;
  if (req.http.getContentType().rfind("multipart/form-data", 0) != 0) {
    http::JsonReader in(req.json());
    out.body = in.text("body", false, threads::kMaxBodyChars).value_or("");
    out.visibility = in.text("visibility", false, 20);
    in.finish();
    return out;
  }
  FileParts parts;
  Poco::Net::HTMLForm form;
  readMultipart(req, form, parts, static_cast<int>(threads::kMaxFiles) + 10);
  out.body = form.get("body", "");
  if (form.has("visibility")) out.visibility = form.get("visibility");
  out.files = std::move(parts.files);
  return out;
}

ThreadRecord recordOf(ApiRequest& req, ThreadRecord::Kind kind) { return {kind, req.id()}; }

http::JsonObject authorJson(const std::optional<usecases::ThreadAuthor>& a) {
  if (!a) return nullptr;
  auto o = http::object();
  o->set("side", a->side);
  http::setOptional(o, "id", a->id);
  http::setOptional(o, "name", a->id ? std::optional<std::string>(a->name) : std::nullopt);
  http::setOptional(
      o, "organisation",
      a->organisation.empty() ? std::nullopt : std::optional<std::string>(a->organisation));
  return o;
}

std::string messagePath(std::int64_t id) { return "/api/v1/messages/" + std::to_string(id); }

http::JsonObject entryJson(const usecases::ThreadEntry& e) {
  auto o = http::object();
  if (e.message) {
    const auto& m = *e.message;
    const auto record = m.record();
    o->set("kind", "message");
    o->set("id", m.id);
    auto r = http::object();
    r->set("kind", std::string(record.kindName()));
    r->set("id", record.id);
    o->set("record", r);
    o->set("visibility", m.visibility);
    o->set("body", m.body);
    http::JsonArray files = new Poco::JSON::Array;
    for (std::size_t i = 0; i < m.attachments.size(); ++i) {
      const auto& a = m.attachments[i];
      auto f = http::object();
      f->set("n", static_cast<std::int64_t>(i + 1));
      f->set("filename", a.filename);
      f->set("content_type", a.content_type);
      f->set("size_bytes", a.size_bytes);
      f->set("sha256", a.sha256);
      f->set("href", messagePath(m.id) + "/attachments/" + std::to_string(i + 1));
      files->add(f);
    }
    o->set("attachments", files);
  } else {
    o->set("kind", "step");
    o->set("entity", e.entity);
    o->set("entity_id", e.entity_id);
    o->set("event", e.event);
    o->set("from", e.from);
    o->set("to", e.to);
    o->set("reason", e.reason);
  }
  const auto author = authorJson(e.author);
  if (author) {
    o->set("author", author);
  } else {
    o->set("author", Poco::Dynamic::Var());
  }
  o->set("at", http::isoTime(e.at));
  return o;
}

ApiResponse threadResponse(ApiContext& ctx, ApiRequest& req, ThreadRecord::Kind kind) {
  const auto view = usecases::MessageService(ctx.useCases()).thread(req.who(), recordOf(req, kind));
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& e : view.entries) items->add(entryJson(e));
  auto o = http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt);
  std::vector<std::string> may_write;
  for (auto v : access::kAllVisibilities) {
    if (view.rights.writes.has(v)) may_write.emplace_back(access::visibilityName(v));
  }
  o->set("may_write", http::strings(may_write));
  return http::jsonResponse(o);
}

ApiResponse postResponse(ApiContext& ctx, ApiRequest& req, ThreadRecord::Kind kind) {
  const auto record = recordOf(req, kind);
  auto message = readMessage(req);
  const auto m =
      usecases::MessageService(ctx.useCases()).post(req.who(), record, std::move(message));
  // The author reads their own message in full.
  usecases::ThreadEntry e;
  e.at = m.created_at;
  e.author = usecases::ThreadAuthor{m.author_side, m.author_id, m.author_name, m.author_org_name};
  e.message = m;
  auto r = http::jsonResponse(entryJson(e), 201);
  r.headers.emplace_back("Location", messagePath(m.id));
  return r;
}

}  // namespace

ApiResponse listProposalMessages(ApiContext& ctx, ApiRequest& req) {
  return threadResponse(ctx, req, ThreadRecord::Kind::kProposal);
}

ApiResponse postProposalMessage(ApiContext& ctx, ApiRequest& req) {
  return postResponse(ctx, req, ThreadRecord::Kind::kProposal);
}

ApiResponse listGrantMessages(ApiContext& ctx, ApiRequest& req) {
  return threadResponse(ctx, req, ThreadRecord::Kind::kGrant);
}

ApiResponse postGrantMessage(ApiContext& ctx, ApiRequest& req) {
  return postResponse(ctx, req, ThreadRecord::Kind::kGrant);
}

ApiResponse getMessage(ApiContext& ctx, ApiRequest& req) {
  return http::jsonResponse(
      entryJson(usecases::MessageService(ctx.useCases()).message(req.who(), req.id())));
}

ApiResponse getMessageAttachment(ApiContext& ctx, ApiRequest& req) {
  auto file = usecases::MessageService(ctx.useCases()).file(req.who(), req.id(), req.id("n"));
  return downloadOf(file.meta, std::move(file.content));
}

}  // namespace citygrants::handlers
