#pragma once

namespace citygrants::app {

// The version the binary reports in `--version` and `/healthz`.
inline constexpr const char* kVersion = "0.1.0";

}  // namespace citygrants::app
