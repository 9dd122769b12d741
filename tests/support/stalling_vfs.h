#pragma once

#include <chrono>

namespace citygrants::testing {

// SQLite's default VFS, wrapped so that a test can make a commit wait for the disk, as a
// virtual machine's flush sometimes does for hundreds of milliseconds: once armed, the next
// sync of a write-ahead log (a commit's fsync) blocks the thread that makes it until release().
// Every other call goes straight to SQLite's own VFS.
//
// It is the default VFS while it lives: the connections opened meanwhile use it, those opened
// before do not. One at a time.
// REQUIRES: SQLite configured, i.e. a database already opened in this process (registering a VFS
// initialises SQLite, which then takes no more settings; db::Connection makes them when it opens
// the first one). The constructor throws std::logic_error otherwise.
class StallingVfs {
 public:
  StallingVfs();
  ~StallingVfs();  // releases a held sync; SQLite's own VFS is the default again
  StallingVfs(const StallingVfs&) = delete;
  StallingVfs& operator=(const StallingVfs&) = delete;

  // The next sync of a write-ahead log, on any connection opened through this VFS, blocks.
  void arm();
  // Whether a sync is blocked, waiting at most `patience` for one to be.
  bool waitUntilHeld(std::chrono::milliseconds patience);
  // The blocked sync goes on (and an armed one will not block).
  void release();
};

}  // namespace citygrants::testing
