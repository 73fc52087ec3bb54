#!/usr/bin/env bash
# Installs Debian's `chromium` for the HTML report browser test (test/e2e/html-report.test.ts) when
# it is missing. Playwright's own browser download is not used: CI reaches Debian's packages, and
# playwright-core drives the system browser through executablePath. Needs root for apt-get (as on
# CI); otherwise it prints what to install and the browser test is skipped with that reason.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: installing chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
else
  echo "install-chromium: chromium is missing; install with: sudo apt-get install -y chromium" >&2
fi
