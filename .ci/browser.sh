#!/usr/bin/env bash
# Installs what the explorer's browser test (package web) needs beyond
# node and npm: a headless Chromium, from Debian's chromium package, which
# playwright-core (from web/package-lock.json) drives. Run by .ci/run
# before the README's test command; does nothing when chromium is there.
# NEWSGRAPH_CHROMIUM names another binary (the test reads it too).
set -euo pipefail

bin="${NEWSGRAPH_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$bin" ]; then
	echo "chromium: $("$bin" --version 2>/dev/null || echo "$bin")"
	exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
echo "chromium: $(/usr/bin/chromium --version)"
