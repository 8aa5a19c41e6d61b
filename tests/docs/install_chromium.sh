#!/usr/bin/env bash
# Installs Debian's chromium for the API reference's screenshot test (tests/docs/test_reference_site.py).
# The browser comes from the distribution's packages: a browser download of its own (Playwright's)
# cannot reach its host from CI. Needs root (CI runs as root) or sudo; does nothing when chromium
# is already there. fonts-dejavu-core: a font for the page text, whatever else the machine has.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  echo "chromium: $(command -v chromium) is installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: no apt-get here; install Chromium yourself (the screenshot test looks for 'chromium' on PATH)" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "chromium: installing needs root or sudo" >&2; exit 1; }
  sudo=(sudo)
fi
echo "chromium: installing Debian's chromium package (first run: about a minute)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${sudo[@]}" apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; } >"$log" 2>&1; then
  tail -30 "$log" >&2
  echo "chromium: apt-get install failed" >&2
  exit 1
fi
chromium --version
