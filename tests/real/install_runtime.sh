#!/usr/bin/env bash
# Creates or reuses .venv-runtime/: the real MUXI formation runtime, pinned, for `make test-real`.
# Reinstalls only when tests/real/constraints.txt changed (a stamp holds its hash).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.venv-runtime
python=${RUNTIME_PYTHON:-/usr/bin/python3.11}
constraints=tests/real/constraints.txt
stamp=$venv/.meshkit-constraints.sha256
packages=("muxi-runtime==1.20260928.0" "psycopg[binary]" "asyncpg" "pgserver==0.1.4")
want=$(sha256sum "$constraints" | cut -d' ' -f1)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$venv/bin/python" ] &&
  "$venv/bin/python" -W ignore -c 'import muxi.runtime.formation, pgserver, psycopg, asyncpg' 2>/dev/null; then
  echo "real runtime: $venv/ is up to date (muxi-runtime 1.20260928.0)"
  exit 0
fi

# The runtime's persistent memory on SQLite needs sqlite3 extension loading (sqlite-vec); pyenv
# builds lack it, Debian's python3.11 has it.
if ! "$python" - <<'PY'
import sqlite3, sys
assert sys.version_info[:2] == (3, 11), sys.version
sqlite3.connect(":memory:").enable_load_extension(True)
PY
then
  echo "real runtime: $python must be a Python 3.11 whose sqlite3 can load extensions (set RUNTIME_PYTHON=...)" >&2
  exit 1
fi

if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
rm -f "$stamp"
echo "real runtime: installing muxi-runtime 1.20260928.0 into $venv/ (first run: about 2-3 minutes, 1.9 GB)"
log=$venv/install.log
if ! { "$venv/bin/python" -m pip install --quiet --upgrade pip &&
  "$venv/bin/python" -m pip install --quiet -c "$constraints" "${packages[@]}"; } >"$log" 2>&1; then
  grep -v "is ignored: it is neither a file nor a directory" "$log" | tail -40 >&2
  echo "real runtime: install failed (full log: $log)" >&2
  exit 1
fi
"$venv/bin/python" -W ignore -c 'import muxi.runtime.formation, pgserver, psycopg, asyncpg'
echo "$want" >"$stamp"
echo "real runtime: $venv/ ready"
