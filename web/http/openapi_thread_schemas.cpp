#include "modules/access/thread_access.h"
#include "modules/threads/message_text.h"
#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {
namespace {

using namespace schema;

std::vector<std::string> visibilities() {
  std::vector<std::string> out;
  for (auto v : access::kAllVisibilities) out.emplace_back(access::visibilityName(v));
  return out;
}

JsonObject newMessageForm() {
  auto file = describe(text(),
                       "a file (its part's filename is kept): PDF, PNG, JPEG, DOCX, XLSX, ODT, "
                       "ODS, CSV or UTF-8 text");
  file->set("contentMediaType", "application/octet-stream");
  auto props = object();
  props->set("body", text(threads::kMaxBodyChars));
  props->set("visibility", choice(visibilities()));
  props->set("file",
             describe(list(file, threads::kMaxFiles), "parts named file, together at most 20 MiB"));
  auto form = object();
  form->set("type", "object");
  form->set("properties", props);
  form->set("required", strings({"body", "visibility"}));
  return describe(form,
                  "multipart/form-data: the fields body and visibility, and up to 5 parts "
                  "named file; other parts are ignored");
}

}  // namespace

// message_handlers.cpp: the thread, a message, and what a client writes.
void addThreadSchemas(JsonObject out) {
  std::vector<std::string> sides;
  for (auto s : access::kAllSides) sides.emplace_back(access::sideName(s));
  out->set("ThreadAuthor",
           describe(closed({{"side", choice(sides)},
                            nullableOut("id", integer()),
                            nullableOut("name", text()),
                            nullableOut("organisation", text())}),
                    "who wrote, as far as the reader may know: a city knows the fund's people and "
                    "its own, its supporting partner by organisation, and of another partner "
                    "only the side"));
  out->set("MessageFile", closed({{"n", atLeast(1)},
                                  {"filename", text()},
                                  {"content_type", describe(text(), "judged by the content")},
                                  {"size_bytes", atLeast(0)},
                                  {"sha256", matching("^[0-9a-f]{64}$", 64)},
                                  {"href", describe(text(), "where the bytes are downloaded")}}));
  out->set("ThreadMessage",
           closed({{"kind", choice({"message"})},
                   {"id", integer()},
                   {"record", closed({{"kind", choice({"proposal", "grant"})}, {"id", integer()}})},
                   {"visibility",
                    describe(choice(visibilities()), "internal: the fund and the partners only")},
                   {"body", text()},
                   {"attachments", list(ref("MessageFile"))},
                   {"author", ref("ThreadAuthor")},
                   {"at", dateTime()}}));
  out->set("ThreadStep",
           describe(closed({{"kind", choice({"step"})},
                            {"entity", choice({"proposal", "grant", "tranche", "report"})},
                            {"entity_id", integer()},
                            {"event", text()},
                            {"from", text()},
                            {"to", text()},
                            {"reason", text()},
                            nullableOut("author", ref("ThreadAuthor")),
                            {"at", dateTime()}}),
                    "a workflow step of the record that carried a reason"));
  auto entry = object();
  auto kinds = new Poco::JSON::Array;
  kinds->add(ref("ThreadMessage"));
  kinds->add(ref("ThreadStep"));
  entry->set("oneOf", Poco::JSON::Array::Ptr(kinds));
  out->set("ThreadEntry", entry);
  auto page = pageMembers("ThreadEntry");
  page.push_back({"may_write", describe(list(choice(visibilities())),
                                        "the visibilities the reader may write now")});
  out->set("ThreadPage", closed(page));
  out->set("NewMessage", closed({{"body", describe(text(threads::kMaxBodyChars), "not blank")},
                                 {"visibility", describe(choice(visibilities()),
                                                         "a city writes shared messages only")}}));
  out->set("NewMessageForm", newMessageForm());
}

}  // namespace citygrants::http::schemas
