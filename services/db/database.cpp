#include "services/db/database.h"

#include <filesystem>
#include <stdexcept>

#include "modules/core/problem.h"
#include "services/db/checkpointer.h"
#include "services/db/group_commit.h"
#include "services/db/session_pool.h"
#include "services/db/writer_thread.h"

namespace citygrants::db {

Database::Database(const ConnectionString& where, Options options) : where_(where) {
  const bool sqlite = where_.dialect == Dialect::kSqlite;
  if (sqlite && !options.create_if_missing && !std::filesystem::exists(where_.path)) {
    throw core::Problem(
        core::ProblemKind::kNotFound,
        core::Message::verbatim("database file " + where_.path +
                                " does not exist (run `citygrants migrate` first)"));
  }
  pool_ = std::make_unique<SessionPool>(where_, options.pool_size);
  if (!sqlite) return;
  const bool background_checkpoints = options.checkpoint_every_ms > 0;
  groups_ = std::make_unique<GroupCommit>(where_, background_checkpoints);
  if (background_checkpoints) {
    checkpointer_ = std::make_unique<Checkpointer>(where_, options.checkpoint_every_ms);
  }
  writer_ = std::make_unique<WriterThread>(*groups_);
}

Database::~Database() = default;

void Database::refuseNestedWrite() {
  if (groups_ && groups_->heldByThisThread()) {
    throw std::logic_error("a write use case opened another write: it would wait for itself");
  }
}

void Database::write(const std::function<void(Tx&)>& work) {
  if (!groups_) {
    Tx tx(*pool_, pool_->acquire(), true);
    work(tx);
    return;
  }
  refuseNestedWrite();
  writer_->run(work);
}

Tx Database::read() { return Tx(*pool_, pool_->acquire(), false); }

std::uint64_t Database::writeGroups() { return groups_ ? groups_->groupsEnded() : 0; }

bool Database::reachable() noexcept {
  try {
    auto tx = read();
    int one = 0;
    tx.sql() << "SELECT 1", soci::into(one);
    tx.commit();
    return one == 1;
  } catch (...) {
    return false;
  }
}

Database::Generations Database::generations() {
  Connection* c = pool_->acquire();
  Generations g;
  try {
    auto st = c->prepared("SELECT last_seq, identity_seq FROM audit_head WHERE id = 1");
    st.into(g.data).into(g.identity);
    st.execute();
  } catch (...) {
    pool_->release(c);
    throw;
  }
  pool_->release(c);
  return g;
}

}  // namespace citygrants::db
