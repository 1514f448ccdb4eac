#!/usr/bin/env bash
# The SSR example's browser test (tests/http/ssrArticleBrowser.test.ts) drives Debian's chromium through
# playwright-core. `npm test` runs this first: it installs chromium when it is missing and apt-get can (root,
# as in CI), and otherwise says how, so the test's own failure is not the first the developer hears of it.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "chromium is missing: installing Debian's chromium for the SSR browser test" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "chromium is missing at $CHROMIUM: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH; the SSR browser test needs it" >&2
exit 0
