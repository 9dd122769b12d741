#include "services/db/group_commit.h"

#include <soci/sqlite3/soci-sqlite3.h>

namespace citygrants::db {
namespace {

constexpr int kMaxUseCasesPerGroup = 64;  // bounds how long the first use case of a group waits

}  // namespace

GroupCommit::GroupCommit(const ConnectionString& where, bool background_checkpoints)
    : writer_(where) {
  if (background_checkpoints) writer_.sql() << "PRAGMA wal_autocheckpoint=0";  // no commit stalls
}

bool GroupCommit::inTransaction() {
  // soci-sqlite3.h wraps sqlite3.h in namespace sqlite_api.
  auto* backend = static_cast<soci::sqlite3_session_backend*>(writer_.sql().get_backend());
  return sqlite_api::sqlite3_get_autocommit(backend->conn_) == 0;
}

std::uint64_t GroupCommit::join() {
  if (!group_open_) {
    writer_.prepared("BEGIN IMMEDIATE").execute();
    group_open_ = true;
    ++group_;
    use_cases_ = 0;
  }
  ++use_cases_;
  return group_;
}

void GroupCommit::settle() {
  if (group_open_ && !inTransaction()) finishGroup(group_, true);
  if (group_open_ && use_cases_ >= kMaxUseCasesPerGroup) commitGroup(group_);
}

void GroupCommit::commitOpen() {
  if (group_open_) commitGroup(group_);
}

std::exception_ptr GroupCommit::commitGroup(std::uint64_t group) {
  try {
    writer_.prepared("COMMIT").execute();
  } catch (...) {
    try {
      if (inTransaction()) writer_.sql() << "ROLLBACK";
    } catch (...) {
    }
    finishGroup(group, true);
    return std::current_exception();
  }
  finishGroup(group, false);
  return nullptr;
}

void GroupCommit::finishGroup(std::uint64_t group, bool failed) {
  group_open_ = false;
  if (failed) {
    std::lock_guard lock(failed_mutex_);
    failed_groups_.insert(group);
    any_failed_.store(true);
  }
  // After the failure is recorded: a waiter that sees the group ended finds it.
  record([&] { groups_ended_.store(group); }, true);
}

void GroupCommit::requireCommitted(std::uint64_t group) {
  if (!any_failed_.load()) return;  // the common case: no group ever failed
  std::lock_guard lock(failed_mutex_);
  if (failed_groups_.count(group) != 0) {
    throw soci::soci_error("the group of writes this change was in could not be committed");
  }
}

}  // namespace citygrants::db
