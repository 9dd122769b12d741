#include "services/usecases/message_service.h"

#include <algorithm>

#include <Poco/JSON/Parser.h>

#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "modules/threads/message_text.h"
#include "services/audit/audit_log.h"
#include "services/mail/message_mail.h"
#include "services/usecases/attachment_service.h"
#include "services/usecases/thread_record.h"

namespace citygrants::usecases {
namespace {

using access::MessageVisibility;
using core::Problem;

// A person who wrote or acted on a thread, as `reader` may know them on the record of `parties`
// (access::discloseTo, the one rule for naming people).
ThreadAuthor authorFor(const Actor& reader, const access::Person& person,
                       const access::Parties& parties) {
  const auto view = access::discloseTo(reader, person, parties);
  ThreadAuthor a;
  a.side = std::string(access::orgKindName(view.side));
  a.id = view.id;
  a.name = view.name;
  a.organisation = view.organisation;
  return a;
}

access::Parties partiesOf(const mail::ThreadParties& p) {
  return {p.city_org_id, p.supporting_org_id};
}

ThreadEntry messageEntry(stores::Message m, const Actor& reader, const access::Parties& parties) {
  ThreadEntry e;
  e.seq = m.seq;
  e.at = m.created_at;
  const access::Person author{
      m.author_id, m.author_name, m.author_org_id, m.author_org_name,
      access::parseOrgKind(m.author_side).value_or(access::OrgKind::kPartner)};
  e.author = authorFor(reader, author, parties);
  e.message = std::move(m);
  return e;
}

// The reason a step's detail names, or "" (no reason, or not a JSON object).
std::string reasonOf(const std::string& detail) {
  try {
    const auto value = Poco::JSON::Parser().parse(detail);
    const auto object = value.extract<Poco::JSON::Object::Ptr>();
    if (!object || !object->has("reason") || !object->get("reason").isString()) return "";
    const auto reason = object->getValue<std::string>("reason");
    return core::isBlank(reason) ? "" : reason;
  } catch (const Poco::Exception&) {
    return "";
  }
}

// The steps of the record that carried a reason, as entries.
std::vector<ThreadEntry> stepEntries(db::Tx& tx, const stores::ThreadRecord& record,
                                     const Actor& reader, const access::Parties& parties) {
  std::vector<ThreadEntry> out;
  for (const auto& s : stores::MessageStore::stepsOf(tx, record)) {
    ThreadEntry e;
    e.reason = reasonOf(s.entry.detail);
    if (e.reason.empty()) continue;
    e.seq = s.seq;
    e.at = s.entry.at;
    e.entity = s.entry.entity;
    e.entity_id = s.entry.entity_id;
    e.event = s.entry.event;
    e.from = s.entry.from_state;
    e.to = s.entry.to_state;
    if (s.person) e.author = authorFor(reader, *s.person, parties);
    out.push_back(std::move(e));
  }
  return out;
}

// The audit detail of a message: its record, visibility, body and files (with their digests).
std::string messageDetail(const stores::Message& m, const std::vector<stores::Attachment>& files) {
  std::string list = "[";
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    list += (i == 0 ? "{" : ",{") + std::string("\"n\":") + std::to_string(i + 1) +
            ",\"attachment_id\":" + std::to_string(f.id) +
            ",\"filename\":" + jsonQuote(f.filename) +
            ",\"content_type\":" + jsonQuote(f.content_type) +
            ",\"size_bytes\":" + std::to_string(f.size_bytes) +
            ",\"sha256\":" + jsonQuote(f.sha256) + "}";
  }
  list += "]";
  return Detail()
      .number("proposal_id", m.proposal_id)
      .number("grant_id", m.grant_id)
      .text("visibility", m.visibility)
      .text("author_side", m.author_side)
      .text("body", m.body)
      .raw("files", list)
      .json();
}

// The errors of what a client sent, before anyone looks at the record; `checked` receives each
// acceptable file's metadata (type, size, digest: worked out outside the write transaction).
std::vector<core::FieldError> inputErrors(const NewMessage& in,
                                          std::vector<stores::Attachment>& checked) {
  auto errors = threads::messageErrors(in.body, in.visibility);
  std::size_t total = 0;
  for (const auto& f : in.files) {
    total += f.content.size();
    try {
      checked.push_back(checkedAttachment(f.filename, f.content));
    } catch (const Problem& p) {
      errors.insert(errors.end(), p.fields().begin(), p.fields().end());
    }
  }
  const auto set = threads::fileSetErrors(in.files.size(), total);
  errors.insert(errors.end(), set.begin(), set.end());
  return errors;
}

// A message `actor` reads, with the parties of its record.
struct Readable {
  stores::Message message;
  access::Parties parties;
};

Readable loadReadable(db::Tx& tx, const Actor& actor, std::int64_t message_id) {
  auto m = stores::MessageStore::load(tx, message_id);
  if (!m) throw Problem::notFound("message");
  const auto r = loadThreadRecord(tx, actor, m->record(), "message");
  const auto rights = threadRightsOn(actor, r);
  const auto visibility = access::parseVisibility(m->visibility);
  if (!visibility || !rights.reads.has(*visibility)) throw Problem::notFound("message");
  return {std::move(*m), partiesOf(r.parties)};
}

}  // namespace

stores::Message MessageService::post(const Actor& actor, const stores::ThreadRecord& record,
                                     NewMessage in) {
  std::vector<stores::Attachment> checked;
  const auto input_errors = inputErrors(in, checked);
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    const auto r = loadThreadRecord(tx, actor, record, record.kindName());
    const auto rights = threadRightsOn(actor, r);
    if (rights.writes.empty()) {
      throw Problem::forbidden(r.sees_full ? core::Message("forbidden.thread_no_part")
                                           : core::Message("forbidden.thread_declare_first"));
    }
    auto errors = input_errors;
    const auto visibility = in.visibility ? access::parseVisibility(*in.visibility) : std::nullopt;
    if (visibility && !rights.writes.has(*visibility)) {
      errors.push_back({"visibility", "thread.city_shares_only"});
    }
    if (!errors.empty()) throw Problem::invalid(errors);
    // Set: a missing or unknown visibility is among the errors above.
    const auto chosen = visibility.value_or(MessageVisibility::kShared);

    stores::Message m;
    (record.kind == stores::ThreadRecord::Kind::kProposal ? m.proposal_id : m.grant_id) = record.id;
    m.visibility = std::string(access::visibilityName(chosen));
    m.body = in.body;
    m.author_id = actor.user_id;
    m.author_org_id = actor.org_id;
    m.author_side = std::string(access::sideName(*access::writerSide(actor, r.scope, chosen)));
    m.created_at = ctx_.clock.nowMs();
    m.id = stores::MessageStore::insert(tx, m);
    for (std::size_t i = 0; i < checked.size(); ++i) {
      checked[i].message_id = m.id;
      checked[i].uploaded_by = actor.user_id;
      checked[i].created_at = m.created_at;
      checked[i].id = stores::AttachmentStore::insert(tx, checked[i], in.files[i].content);
    }
    audit::appendAudit(tx, {actor.user_id, "message", m.id, "post", "", "",
                            messageDetail(m, checked), m.created_at});
    auto stored = stores::MessageStore::load(tx, m.id);
    mail::mailMessagePosted(tx, *stored, r.parties, m.created_at);
    tx.commit();
    return std::move(*stored);
  });
}

ThreadView MessageService::thread(const Actor& actor, const stores::ThreadRecord& record) {
  auto tx = ctx_.db.read();
  const auto r = loadThreadRecord(tx, actor, record, record.kindName());
  ThreadView view;
  view.rights = threadRightsOn(actor, r);
  if (view.rights.reads.empty()) {
    tx.commit();
    return view;
  }
  const auto parties = partiesOf(r.parties);
  for (auto& m : stores::MessageStore::ofThread(
           tx, record, view.rights.reads.has(MessageVisibility::kInternal))) {
    view.entries.push_back(messageEntry(std::move(m), actor, parties));
  }
  for (auto& e : stepEntries(tx, record, actor, parties)) {
    view.entries.push_back(std::move(e));
  }
  tx.commit();
  std::sort(view.entries.begin(), view.entries.end(),
            [](const ThreadEntry& a, const ThreadEntry& b) { return a.seq < b.seq; });
  return view;
}

ThreadEntry MessageService::message(const Actor& actor, std::int64_t message_id) {
  auto tx = ctx_.db.read();
  auto r = loadReadable(tx, actor, message_id);
  tx.commit();
  return messageEntry(std::move(r.message), actor, r.parties);
}

MessageFile MessageService::file(const Actor& actor, std::int64_t message_id, std::int64_t n) {
  auto tx = ctx_.db.read();
  const auto r = loadReadable(tx, actor, message_id);
  const auto& files = r.message.attachments;
  if (n < 1 || n > static_cast<std::int64_t>(files.size())) throw Problem::notFound("file");
  MessageFile out{files[static_cast<std::size_t>(n - 1)], {}};
  out.content = stores::AttachmentStore::content(tx, out.meta.id);
  tx.commit();
  return out;
}

std::vector<audit::AuditRow> threadEventsFor(db::Tx& tx, const Actor& actor,
                                             const stores::ThreadRecord& record,
                                             const access::Scope& scope, bool sees_full_record) {
  if (!sees_full_record) return {};
  const auto rights = access::threadRights(actor, scope);
  if (!rights.reads.has(MessageVisibility::kShared)) return {};
  return stores::MessageStore::eventsOfThread(tx, record,
                                              rights.reads.has(MessageVisibility::kInternal));
}

}  // namespace citygrants::usecases
