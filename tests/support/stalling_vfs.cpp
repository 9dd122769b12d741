#include "tests/support/stalling_vfs.h"

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <sqlite3.h>
#include <stdexcept>

namespace citygrants::testing {
namespace {

// Whether the next sync of a write-ahead log blocks, and whether one is blocked now.
struct Gate {
  std::mutex mutex;
  std::condition_variable changed;
  bool armed = false;
  bool held = false;
  bool released = true;
  bool installed = false;
};
Gate gate;

sqlite3_vfs* real_vfs = nullptr;  // SQLite's own default VFS
sqlite3_vfs shim_vfs;             // its copy, with xOpen and szOsFile of its own

// A file opened through the shim: its own methods, then the real VFS's file in the bytes after.
struct ShimFile {
  sqlite3_file base;
  sqlite3_io_methods methods;  // every call forwarded to `real`; xSync may wait first
  sqlite3_file* real;
  bool wal;
};
constexpr std::size_t kRealOffset = (sizeof(ShimFile) + 15) / 16 * 16;

sqlite3_file* realOf(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f)->real; }

void waitAtTheGate() {
  std::unique_lock lock(gate.mutex);
  if (!gate.armed) return;
  gate.armed = false;
  gate.held = true;
  gate.changed.notify_all();
  gate.changed.wait(lock, [] { return gate.released; });
  gate.held = false;
}

int shimClose(sqlite3_file* f) { return realOf(f)->pMethods->xClose(realOf(f)); }
int shimRead(sqlite3_file* f, void* out, int n, sqlite3_int64 at) {
  return realOf(f)->pMethods->xRead(realOf(f), out, n, at);
}
int shimWrite(sqlite3_file* f, const void* in, int n, sqlite3_int64 at) {
  return realOf(f)->pMethods->xWrite(realOf(f), in, n, at);
}
int shimTruncate(sqlite3_file* f, sqlite3_int64 size) {
  return realOf(f)->pMethods->xTruncate(realOf(f), size);
}
int shimSync(sqlite3_file* f, int flags) {
  if (reinterpret_cast<ShimFile*>(f)->wal) waitAtTheGate();
  return realOf(f)->pMethods->xSync(realOf(f), flags);
}
int shimFileSize(sqlite3_file* f, sqlite3_int64* size) {
  return realOf(f)->pMethods->xFileSize(realOf(f), size);
}
int shimLock(sqlite3_file* f, int level) { return realOf(f)->pMethods->xLock(realOf(f), level); }
int shimUnlock(sqlite3_file* f, int level) {
  return realOf(f)->pMethods->xUnlock(realOf(f), level);
}
int shimCheckReservedLock(sqlite3_file* f, int* out) {
  return realOf(f)->pMethods->xCheckReservedLock(realOf(f), out);
}
int shimFileControl(sqlite3_file* f, int op, void* arg) {
  return realOf(f)->pMethods->xFileControl(realOf(f), op, arg);
}
int shimSectorSize(sqlite3_file* f) { return realOf(f)->pMethods->xSectorSize(realOf(f)); }
int shimDeviceCharacteristics(sqlite3_file* f) {
  return realOf(f)->pMethods->xDeviceCharacteristics(realOf(f));
}
int shimShmMap(sqlite3_file* f, int page, int page_size, int extend, void volatile** out) {
  return realOf(f)->pMethods->xShmMap(realOf(f), page, page_size, extend, out);
}
int shimShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return realOf(f)->pMethods->xShmLock(realOf(f), offset, n, flags);
}
void shimShmBarrier(sqlite3_file* f) { realOf(f)->pMethods->xShmBarrier(realOf(f)); }
int shimShmUnmap(sqlite3_file* f, int remove) {
  return realOf(f)->pMethods->xShmUnmap(realOf(f), remove);
}
int shimFetch(sqlite3_file* f, sqlite3_int64 at, int n, void** out) {
  return realOf(f)->pMethods->xFetch(realOf(f), at, n, out);
}
int shimUnfetch(sqlite3_file* f, sqlite3_int64 at, void* p) {
  return realOf(f)->pMethods->xUnfetch(realOf(f), at, p);
}

constexpr sqlite3_io_methods kShimMethods = {
    .iVersion = 3,
    .xClose = shimClose,
    .xRead = shimRead,
    .xWrite = shimWrite,
    .xTruncate = shimTruncate,
    .xSync = shimSync,
    .xFileSize = shimFileSize,
    .xLock = shimLock,
    .xUnlock = shimUnlock,
    .xCheckReservedLock = shimCheckReservedLock,
    .xFileControl = shimFileControl,
    .xSectorSize = shimSectorSize,
    .xDeviceCharacteristics = shimDeviceCharacteristics,
    .xShmMap = shimShmMap,
    .xShmLock = shimShmLock,
    .xShmBarrier = shimShmBarrier,
    .xShmUnmap = shimShmUnmap,
    .xFetch = shimFetch,
    .xUnfetch = shimUnfetch,
};

int shimOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  auto* f = reinterpret_cast<ShimFile*>(file);
  f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kRealOffset);
  f->real->pMethods = nullptr;
  f->wal = (flags & SQLITE_OPEN_WAL) != 0;
  const int rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
  // SQLite closes a file whose methods are set, even when its open failed: so does the real one.
  if (f->real->pMethods == nullptr) {
    f->base.pMethods = nullptr;
  } else {
    f->methods = kShimMethods;
    f->methods.iVersion = f->real->pMethods->iVersion;  // the calls SQLite may make
    f->base.pMethods = &f->methods;
  }
  return rc;
}

}  // namespace

StallingVfs::StallingVfs() {
  // SQLITE_MISUSE when SQLite is initialised; otherwise it sets what db::Connection sets anyway.
  if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK) {
    throw std::logic_error("StallingVfs: open a database first (SQLite is not configured yet)");
  }
  std::lock_guard lock(gate.mutex);
  if (gate.installed) throw std::logic_error("StallingVfs: one at a time");
  real_vfs = sqlite3_vfs_find(nullptr);
  shim_vfs = *real_vfs;  // its other calls take the VFS only for its fields, copied here
  shim_vfs.pNext = nullptr;
  shim_vfs.zName = "citygrants-stalling";
  shim_vfs.szOsFile = static_cast<int>(kRealOffset) + real_vfs->szOsFile;
  shim_vfs.xOpen = shimOpen;
  if (sqlite3_vfs_register(&shim_vfs, 1) != SQLITE_OK) {
    throw std::runtime_error("StallingVfs: SQLite refused the VFS");
  }
  gate.installed = true;
  gate.armed = false;
  gate.released = true;
}

StallingVfs::~StallingVfs() {
  release();
  sqlite3_vfs_register(real_vfs, 1);
  sqlite3_vfs_unregister(&shim_vfs);
  std::lock_guard lock(gate.mutex);
  gate.installed = false;
}

void StallingVfs::arm() {
  std::lock_guard lock(gate.mutex);
  gate.armed = true;
  gate.released = false;
}

bool StallingVfs::waitUntilHeld(std::chrono::milliseconds patience) {
  std::unique_lock lock(gate.mutex);
  return gate.changed.wait_for(lock, patience, [] { return gate.held; });
}

void StallingVfs::release() {
  {
    std::lock_guard lock(gate.mutex);
    gate.armed = false;
    gate.released = true;
  }
  gate.changed.notify_all();
}

}  // namespace citygrants::testing
