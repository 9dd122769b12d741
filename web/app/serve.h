#pragma once

#include <functional>

#include "web/app/settings.h"

namespace citygrants::app {

// `citygrants serve`: opens the database (schema must be current), starts the HTTP server on
// --host/--port with the thread pool, queue and timeouts of the settings, and runs until
// `wait_for_stop` returns (the application waits for SIGINT or SIGTERM).
int runServe(const Settings& settings, const std::function<void()>& wait_for_stop);

}  // namespace citygrants::app
