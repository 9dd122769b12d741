#!/usr/bin/env bash
# The browser suite (run by ctest): Playwright driving Debian's Chromium against a real
# citygrants server that each test file starts on a loopback port with a fresh demo fund.
#   usage: tests/browser/run.sh BINARY SCREENSHOT_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export CITYGRANTS_BIN="$1"
export CITYGRANTS_SCREENSHOTS="$2"
[ -x "$CITYGRANTS_BIN" ] || { echo "browser tests: no binary at $CITYGRANTS_BIN" >&2; exit 1; }
command -v node >/dev/null || { echo "browser tests: node is missing; ops/test installs it" >&2; exit 1; }
[ -x "${CITYGRANTS_CHROMIUM:-/usr/bin/chromium}" ] || { echo "browser tests: chromium is missing; ops/test installs it" >&2; exit 1; }
[ -d "$here/node_modules/playwright-core" ] && [ -d "$here/node_modules/axe-core" ] ||
  { echo "browser tests: playwright-core/axe-core are missing; ops/test runs npm ci in tests/browser" >&2; exit 1; }
cd "$here"
files=(*.test.mjs)
[ "${#files[@]}" -gt 0 ] || { echo "browser tests: no test files" >&2; exit 1; }
exec node --test --test-concurrency=1 --test-reporter=spec "${files[@]}"
