#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing: libxml2-utils (xmllint,
# the reference validator for the XSD parity test). Runs before `npm test`; needs root for apt-get
# (as on CI); otherwise it says what to install and the tests that need it fail with that message.
set -euo pipefail
missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
# HIE_NEED_CHROMIUM=1 (or CI=true): the HTML report browser test needs Debian's chromium.
if { [ "${HIE_NEED_CHROMIUM:-0}" = 1 ] || [ "${CI:-}" = true ]; } && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium fonts-dejavu-core); fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "ensure-system-deps: missing ${missing[*]}; install with: sudo apt-get install -y ${missing[*]}" >&2
fi
