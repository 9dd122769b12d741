#pragma once

#include <pthread.h>

namespace citygrants::services {

// Names the calling thread as `top -H`, `perf` and /proc/PID/task/*/comm show it (at most 15
// characters): "cg-writer", "cg-http", ...
inline void nameThisThread(const char* name) { pthread_setname_np(pthread_self(), name); }

}  // namespace citygrants::services
