#include "services/stores/attachment_store.h"

#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>

#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

std::string toBase64(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder << bytes;
  encoder.close();
  return out.str();
}

std::string fromBase64(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in);
  std::ostringstream out;
  out << decoder.rdbuf();
  return out.str();
}

std::vector<Attachment> loadAll(db::Tx& tx, const char* query, std::int64_t id) {
  std::vector<Attachment> out;
  for (auto i : idList(tx.sql(), query, id)) out.push_back(*AttachmentStore::load(tx, i));
  return out;
}

}  // namespace

std::int64_t AttachmentStore::insert(db::Tx& tx, const Attachment& a, const std::string& content) {
  std::int64_t id = 0;
  const std::string encoded = toBase64(content);
  tx.sql() << "INSERT INTO attachments (proposal_id, report_id, message_id, filename, content_type, "
              "size_bytes, sha256, content_base64, uploaded_by, created_at) VALUES (:p, :r, :m, :f, "
              ":t, :s, :h, :c, :by, :at) RETURNING id",
      soci::use(a.proposal_id), soci::use(a.report_id), soci::use(a.message_id), soci::use(a.filename),
      soci::use(a.content_type), soci::use(a.size_bytes), soci::use(a.sha256), soci::use(encoded),
      soci::use(a.uploaded_by), soci::use(a.created_at), soci::into(id);
  return id;
}

std::optional<Attachment> AttachmentStore::load(db::Tx& tx, std::int64_t id) {
  Attachment a;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, proposal_id, report_id, message_id, filename, content_type, "
                           "size_bytes, sha256, uploaded_by, created_at FROM attachments WHERE id = :id",
       soci::use(id), soci::into(a.id), soci::into(a.proposal_id), soci::into(a.report_id),
       soci::into(a.message_id),
       soci::into(a.filename), soci::into(a.content_type), soci::into(a.size_bytes),
       soci::into(a.sha256), soci::into(a.uploaded_by), soci::into(a.created_at));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return a;
}

std::string AttachmentStore::content(db::Tx& tx, std::int64_t id) {
  std::string encoded;
  tx.sql() << "SELECT content_base64 FROM attachments WHERE id = :id", soci::use(id), soci::into(encoded);
  return fromBase64(encoded);
}

std::vector<Attachment> AttachmentStore::ofProposal(db::Tx& tx, std::int64_t proposal_id) {
  return loadAll(tx, "SELECT id FROM attachments WHERE proposal_id = :p ORDER BY id", proposal_id);
}

std::vector<Attachment> AttachmentStore::ofReport(db::Tx& tx, std::int64_t report_id) {
  return loadAll(tx, "SELECT id FROM attachments WHERE report_id = :r ORDER BY id", report_id);
}

std::vector<Attachment> AttachmentStore::ofMessage(db::Tx& tx, std::int64_t message_id) {
  return loadAll(tx, "SELECT id FROM attachments WHERE message_id = :m ORDER BY id", message_id);
}

}  // namespace citygrants::stores
