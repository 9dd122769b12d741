#include "services/db/database.h"

#include <chrono>
#include <filesystem>
#include <stdexcept>

#include "modules/core/problem.h"
#include "services/db/checkpointer.h"
#include "services/db/group_commit.h"
#include "services/db/planner_statistics.h"
#include "services/db/session_pool.h"
#include "services/db/writer_thread.h"

namespace citygrants::db {
namespace {

// The ReadScope open on this thread, if any.
thread_local SharedRead* t_shared_read = nullptr;

// While a write runs on this thread: its ReadScope's transaction ended (or left to end with the
// reads still joining it), and reads on their own; after it, the next read begins afresh.
class WriteInScope {
 public:
  explicit WriteInScope(const Database* db)
      : s_(t_shared_read != nullptr && t_shared_read->db == db ? t_shared_read : nullptr) {
    if (s_ == nullptr) return;
    s_->writing = true;
    s_->stale = true;
    if (s_->joined == 0) s_->tx.reset();
  }
  ~WriteInScope() {
    if (s_ == nullptr) return;
    s_->writing = false;
    if (!s_->tx) s_->stale = false;
  }
  WriteInScope(const WriteInScope&) = delete;
  WriteInScope& operator=(const WriteInScope&) = delete;

 private:
  SharedRead* s_;
};

}  // namespace

Database::ReadScope::ReadScope(Database& db) {
  if (t_shared_read != nullptr) return;
  state_.db = &db;
  active_ = true;
  t_shared_read = &state_;
}

Database::ReadScope::~ReadScope() {
  if (!active_) return;
  t_shared_read = nullptr;
  state_.tx.reset();  // a read-only transaction: its rollback is its end
}

Database::Database(const ConnectionString& where, Options options)
    : where_(where), shared_generation_ms_(options.shared_generation_ms) {
  const bool sqlite = where_.dialect == Dialect::kSqlite;
  if (sqlite && !options.create_if_missing && !std::filesystem::exists(where_.path)) {
    throw core::Problem(
        core::ProblemKind::kNotFound,
        core::Message::verbatim("database file " + where_.path +
                                " does not exist (run `citygrants migrate` first)"));
  }
  pool_ = std::make_unique<SessionPool>(where_, options.pool_size);
  if (!sqlite) {
    write_pool_ = std::make_unique<SessionPool>(where_, 1);
    feed_ = std::make_unique<Connection>(where_, Connection::Plans::kGeneric);
    return;
  }
  const bool background_checkpoints = options.checkpoint_every_ms > 0;
  groups_ = std::make_unique<GroupCommit>(where_, background_checkpoints);
  if (background_checkpoints) {
    checkpointer_ = std::make_unique<Checkpointer>(where_, options.checkpoint_every_ms, *groups_);
  }
  writer_ = std::make_unique<WriterThread>(*groups_);
  if (options.statistics_every_ms > 0) {
    statistics_ = std::make_unique<StatisticsKeeper>(*this, where_, options.statistics_every_ms);
  }
}

Database::~Database() = default;

void Database::refuseNestedWrite() {
  const bool writing = groups_ ? groups_->heldByThisThread()
                               : pg_writing_thread_.load() == std::this_thread::get_id();
  if (writing) {
    throw std::logic_error("a write use case opened another write: it would wait for itself");
  }
}

void Database::write(const std::function<void(Tx&)>& work) { write(work, Tx::Opening::kWrite); }

void Database::writeSchema(const std::function<void(Tx&)>& work) {
  write(work, Tx::Opening::kSchemaWrite);
}

void Database::write(const std::function<void(Tx&)>& work, Tx::Opening opening) {
  refuseNestedWrite();
  WriteInScope scope(this);
  // This instance's next request reads what was committed, also when `work` threw after its
  // commit: one more read of the generations costs little, a stale answer would be wrong. (A
  // PostgreSQL write's own head, shared instead, cost no round trip there but one for the
  // writer, which read the feed before it answered: p99 of 95/5 went from 60 to 90 ms.)
  struct EndSharing {
    Database& db;
    ~EndSharing() {
      std::lock_guard lock(db.shared_mutex_);
      db.shared_read_at_ = -1;
      ++db.writes_;
    }
  } end_sharing{*this};
  if (groups_) {
    writer_->run(work);
  } else {
    // Writes queue here, one at a time, not behind the reads for a pooled connection; their
    // turn across instances is the writer lock, taken by Tx.
    Tx tx(*write_pool_, write_pool_->acquire(), opening);
    struct Writing {
      std::atomic<std::thread::id>& who;
      ~Writing() { who.store(std::thread::id()); }
    } writing{pg_writing_thread_};
    pg_writing_thread_.store(std::this_thread::get_id());
    work(tx);
  }
}

bool Database::snapshotOpen() const {
  const SharedRead* s = t_shared_read;
  return s != nullptr && s->db == this && !s->stale && !s->writing && s->tx.has_value();
}

Tx Database::read() {
  SharedRead* s = t_shared_read;
  if (s == nullptr || s->db != this || s->stale || s->writing) {
    return Tx(*pool_, pool_->acquire(), Tx::Opening::kRead);
  }
  if (!s->tx) s->tx.emplace(Tx(*pool_, pool_->acquire(), Tx::Opening::kRead));
  return Tx(*s);
}

void Database::refreshPlannerStatistics(const std::vector<std::string>& tables) {
  if (where_.dialect != Dialect::kSqlite) return;
  write([&](Tx& tx) {
    tx.sql() << "PRAGMA analysis_limit=0";  // every row (a sample misjudges, see database.h)
    if (tables.empty()) tx.sql() << "ANALYZE";
    for (const auto& table : tables) tx.sql() << "ANALYZE " + quotedName(table);
    tx.commit();
  });
  pool_->renew();  // the readers plan with these statistics, not those read when they opened
}

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

void Database::catchUp(Connection& pooled, std::int64_t head) {
  if (!feed_) {
    changes_.catchUp(pooled, head);
    return;
  }
  if (changes_.seen() >= head) return;
  std::lock_guard lock(feed_mutex_);
  try {
    changes_.catchUp(*feed_, head);
  } catch (const soci::soci_error&) {
    // The server went away since the feed's last read (a restart, a failover): once more on a
    // new connection; a failure again is the request's.
    if (!feed_->revive()) throw;
    changes_.catchUp(*feed_, head);
  }
}

Database::Generations Database::generations() {
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now().time_since_epoch()).count();
  std::uint64_t writes_before = 0;
  if (shared_generation_ms_ > 0) {
    // One read serves every request that waits for it: when a write of this instance made the
    // shared generations stale, every request arriving before a new read ended read them itself
    // (a third of the requests of 95/5 on PostgreSQL). A read begun before one of our writes
    // committed serves no one who came after the write: they read again.
    std::unique_lock lock(shared_mutex_);
    const auto fresh = [&] {
      return shared_read_at_ >= 0 && now - shared_read_at_ < shared_generation_ms_;
    };
    shared_read_done_.wait(lock, [&] { return fresh() || !reading_ || reading_since_ != writes_; });
    if (fresh()) return shared_;
    reading_ = true;
    reading_since_ = writes_before = writes_;
  }
  Generations g;
  bool read = false;
  struct Done {  // records what was read (if it may be shared), and wakes the waiters
    Database& db;
    const Generations& g;
    const bool& read;
    std::uint64_t since;
    std::int64_t at;
    ~Done() {
      if (db.shared_generation_ms_ == 0) return;
      {
        std::lock_guard lock(db.shared_mutex_);
        // Unless a write of ours may have committed after the read.
        if (read && db.writes_ == since) {
          db.shared_ = g;
          db.shared_read_at_ = at;
        }
        if (db.reading_since_ == since) db.reading_ = false;
      }
      db.shared_read_done_.notify_all();
    }
  } done{*this, g, read, writes_before, now};
  Connection* c = pool_->acquire();
  try {
    {
      auto st = c->prepared("SELECT last_seq, identity_seq FROM audit_head WHERE id = 1");
      st.into(g.data).into(g.identity);
      st.execute();
    }
    catchUp(*c, g.data);
  } catch (...) {
    pool_->release(c);
    throw;
  }
  pool_->release(c);
  read = true;
  return g;
}

}  // namespace citygrants::db
