#include "services/stores/message_store.h"

#include <map>

#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

// The column of `record`'s kind in messages (a constant: never a caller's text).
const char* recordColumn(const ThreadRecord& record) {
  return record.kind == ThreadRecord::Kind::kProposal ? "m.proposal_id" : "m.grant_id";
}

// The messages aliased `m` of `record`'s thread that the reader reads: " WHERE ...", the id
// bound as :record.
std::string threadWhere(const ThreadRecord& record, bool with_internal) {
  return std::string(" WHERE ") + recordColumn(record) + " = :record" +
         (with_internal ? "" : " AND m.visibility = 'shared'");
}

// The message columns, its author's names and its audit event's sequence number.
constexpr const char* kMessageSelect =
    "SELECT m.id, m.proposal_id, m.grant_id, m.visibility, m.body, m.author_id, m.author_org_id, "
    "m.author_side, m.created_at, u.name, o.name, e.seq FROM messages m "
    "JOIN users u ON u.id = m.author_id JOIN organisations o ON o.id = m.author_org_id "
    "JOIN audit_events e ON e.entity = 'message' AND e.entity_id = m.id AND e.event = 'post'";

void exchangeMessage(soci::statement& st, Message& m) {
  st.exchange(soci::into(m.id));
  st.exchange(soci::into(m.proposal_id));
  st.exchange(soci::into(m.grant_id));
  st.exchange(soci::into(m.visibility));
  st.exchange(soci::into(m.body));
  st.exchange(soci::into(m.author_id));
  st.exchange(soci::into(m.author_org_id));
  st.exchange(soci::into(m.author_side));
  st.exchange(soci::into(m.created_at));
  st.exchange(soci::into(m.author_name));
  st.exchange(soci::into(m.author_org_name));
  st.exchange(soci::into(m.seq));
}

// The files' metadata of the messages matching `where` (messages aliased `m`, :record bound to
// `record_id` when the clause names it), by message.
std::map<std::int64_t, std::vector<Attachment>> filesOf(db::Tx& tx, const std::string& where,
                                                        const std::int64_t& record_id) {
  soci::statement st(tx.sql());
  Attachment a;
  st.exchange(soci::into(a.id));
  st.exchange(soci::into(a.message_id));
  st.exchange(soci::into(a.filename));
  st.exchange(soci::into(a.content_type));
  st.exchange(soci::into(a.size_bytes));
  st.exchange(soci::into(a.sha256));
  st.exchange(soci::into(a.uploaded_by));
  st.exchange(soci::into(a.created_at));
  st.exchange(soci::use(record_id, "record"));
  prepareAndRun(st,
                "SELECT a.id, a.message_id, a.filename, a.content_type, a.size_bytes, a.sha256, "
                "a.uploaded_by, a.created_at FROM attachments a JOIN messages m ON m.id = "
                "a.message_id" +
                    where + " ORDER BY a.message_id, a.id");
  std::map<std::int64_t, std::vector<Attachment>> out;
  while (st.fetch()) out[a.message_id.value_or(0)].push_back(a);
  return out;
}

}  // namespace

std::int64_t MessageStore::insert(db::Tx& tx, const Message& m) {
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO messages (proposal_id, grant_id, visibility, body, author_id, "
              "author_org_id, author_side, created_at) VALUES (:p, :g, :v, :b, :a, :o, :s, :at) "
              "RETURNING id",
      soci::use(m.proposal_id), soci::use(m.grant_id), soci::use(m.visibility), soci::use(m.body),
      soci::use(m.author_id), soci::use(m.author_org_id), soci::use(m.author_side),
      soci::use(m.created_at), soci::into(id);
  return id;
}

std::optional<Message> MessageStore::load(db::Tx& tx, std::int64_t id) {
  soci::statement st(tx.sql());
  Message m;
  exchangeMessage(st, m);
  st.exchange(soci::use(id, "record"));
  prepareAndRun(st, std::string(kMessageSelect) + " WHERE m.id = :record");
  if (!st.fetch()) return std::nullopt;
  m.attachments = AttachmentStore::ofMessage(tx, id);
  return m;
}

std::vector<Message> MessageStore::ofThread(db::Tx& tx, const ThreadRecord& record,
                                            bool with_internal) {
  const std::string where = threadWhere(record, with_internal);
  soci::statement st(tx.sql());
  Message m;
  exchangeMessage(st, m);
  st.exchange(soci::use(record.id, "record"));
  prepareAndRun(st, std::string(kMessageSelect) + where + " ORDER BY m.id");
  std::vector<Message> out;
  while (st.fetch()) out.push_back(m);
  if (out.empty()) return out;
  auto files = filesOf(tx, where, record.id);
  for (auto& message : out) message.attachments = std::move(files[message.id]);
  return out;
}

namespace {

// Binds an audit event's own columns (as the SELECT of kEventColumns reads them) and its
// actor's (audit::ActorColumns) into `st`.
void exchangeEvent(soci::statement& st, audit::AuditRow& r, audit::ActorColumns& actor) {
  st.exchange(soci::into(r.seq));
  st.exchange(soci::into(r.entry.actor_id));
  st.exchange(soci::into(r.entry.entity));
  st.exchange(soci::into(r.entry.entity_id));
  st.exchange(soci::into(r.entry.event));
  st.exchange(soci::into(r.entry.from_state));
  st.exchange(soci::into(r.entry.to_state));
  st.exchange(soci::into(r.entry.detail));
  st.exchange(soci::into(r.entry.at));
  st.exchange(soci::into(r.hash));
  actor.exchange(st);
}

constexpr std::string_view kEventColumns =
    "SELECT e.seq, e.actor_id, e.entity, e.entity_id, e.event, e.from_state, e.to_state, "
    "e.detail, e.at, e.hash, u.name, o.id, o.name, o.kind ";
constexpr std::string_view kActorJoins =
    " LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN organisations o ON o.id = u.org_id";

std::vector<audit::AuditRow> fetchEvents(soci::statement& st, audit::AuditRow& r,
                                         const audit::ActorColumns& actor) {
  std::vector<audit::AuditRow> out;
  while (st.fetch()) {
    r.person = actor.person(r.entry.actor_id);
    out.push_back(r);
  }
  return out;
}

}  // namespace

std::vector<audit::AuditRow> MessageStore::eventsOfThread(db::Tx& tx, const ThreadRecord& record,
                                                          bool with_internal) {
  soci::statement st(tx.sql());
  audit::AuditRow r;
  audit::ActorColumns actor;
  exchangeEvent(st, r, actor);
  st.exchange(soci::use(record.id, "record"));
  prepareAndRun(st, std::string(kEventColumns) +
                        "FROM messages m "
                        "JOIN audit_events e ON e.entity = 'message' AND e.entity_id = m.id" +
                        std::string(kActorJoins) + threadWhere(record, with_internal) +
                        " ORDER BY e.seq");
  return fetchEvents(st, r, actor);
}

std::vector<audit::AuditRow> MessageStore::stepsOf(db::Tx& tx, const ThreadRecord& record) {
  soci::statement st(tx.sql());
  audit::AuditRow r;
  audit::ActorColumns actor;
  exchangeEvent(st, r, actor);
  std::string records;
  if (record.kind == ThreadRecord::Kind::kProposal) {
    st.exchange(soci::use(record.id, "record"));
    records = "(e.entity = 'proposal' AND e.entity_id = :record)";
  } else {
    // Three names for the one id: SOCI's PostgreSQL backend numbers each placeholder it meets.
    for (const char* name : {"grant1", "grant2", "grant3"}) st.exchange(soci::use(record.id, name));
    records =
        "((e.entity = 'grant' AND e.entity_id = :grant1) OR (e.entity = 'tranche' AND "
        "e.entity_id IN (SELECT id FROM tranches WHERE grant_id = :grant2)) OR (e.entity = "
        "'report' AND e.entity_id IN (SELECT id FROM reports WHERE grant_id = :grant3)))";
  }
  prepareAndRun(st, std::string(kEventColumns) + "FROM audit_events e" + std::string(kActorJoins) +
                        " WHERE " + records + " AND e.detail LIKE '%\"reason\":%' ORDER BY e.seq");
  return fetchEvents(st, r, actor);
}

std::vector<AwaitedReply> MessageStore::awaitingReply(db::Tx& tx, bool from_city,
                                                      std::optional<std::int64_t> city_org_id) {
  // Per kind of record, its latest shared message, when the side asked for wrote it.
  soci::statement st(tx.sql());
  AwaitedReply w;
  std::string kind;
  st.exchange(soci::into(kind));
  st.exchange(soci::into(w.record.id));
  st.exchange(soci::into(w.reference));
  st.exchange(soci::into(w.title));
  st.exchange(soci::into(w.city_org_id));
  st.exchange(soci::into(w.city_name));
  st.exchange(soci::into(w.state));
  st.exchange(soci::into(w.message_id));
  st.exchange(soci::into(w.since));
  const std::int64_t city = city_org_id.value_or(0);
  std::string proposal_city;
  std::string grant_city;
  if (city_org_id) {
    proposal_city = " AND p.city_org_id = :city_p";
    grant_city = " AND g.city_org_id = :city_g";
    st.exchange(soci::use(city, "city_p"));
    st.exchange(soci::use(city, "city_g"));
  }
  const std::string side =
      from_city ? " AND m.author_side = 'city'" : " AND m.author_side <> 'city'";
  const std::string latest =
      " AND NOT EXISTS (SELECT 1 FROM messages n WHERE n.visibility = "
      "'shared' AND n.id > m.id AND ";
  // Fund-wide, the messages are read first and their records looked up: the unary + keeps the
  // planner from walking every proposal to find its messages instead, which it chose while the
  // messages were too few to have statistics (70 ms at 100,000 proposals and no message).
  const std::string record_of = city_org_id ? "" : "+";
  prepareAndRun(
      st,
      "SELECT 'proposal', p.id, p.reference, v.title, p.city_org_id, o.name, p.state, m.id, "
      "m.created_at FROM messages m JOIN proposals p ON p.id = " +
          record_of +
          "m.proposal_id "
          "JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version "
          "JOIN organisations o ON o.id = p.city_org_id WHERE m.visibility = 'shared'" +
          side + latest + "n.proposal_id = m.proposal_id)" + proposal_city +
          " UNION ALL "
          "SELECT 'grant', g.id, g.reference, v.title, g.city_org_id, o.name, g.state, m.id, "
          "m.created_at FROM messages m JOIN grants g ON g.id = " +
          record_of +
          "m.grant_id "
          "JOIN organisations o ON o.id = g.city_org_id JOIN proposals p ON p.id = g.proposal_id "
          "JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version "
          "WHERE m.visibility = 'shared'" +
          side + latest + "n.grant_id = m.grant_id)" + grant_city + " ORDER BY 1, 2");
  std::vector<AwaitedReply> out;
  while (st.fetch()) {
    w.record.kind = kind == "proposal" ? ThreadRecord::Kind::kProposal : ThreadRecord::Kind::kGrant;
    out.push_back(w);
  }
  return out;
}

}  // namespace citygrants::stores
