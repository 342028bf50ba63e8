#!/usr/bin/env bash
# `npm run test:runtimes`: the built package on every runtime it is tested on.
# - Node 22, Bun and Deno: scripts/check-package.mjs (exports map, fake-server round trip, verifyToken).
# - Vercel's edge-runtime and workerd (through miniflare): scripts/runtimes/edge.mjs bundles scripts/runtimes/smoke.mjs
#   with the built package and runs verifyToken, authenticateRequest, verifyWebhook and an API call in each.
# The runtimes come from their npm packages, installed into $RUNTIMES_DIR (default .runtimes/, git-ignored), never
# into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${RUNTIMES_DIR:-.runtimes}"
bin="$dir/node_modules/.bin"
if [[ ! -x $bin/bun || ! -x $bin/deno || ! -x $bin/node || ! -x $bin/edge-runtime || ! -x $bin/miniflare ]]; then
  mkdir -p "$dir"
  [[ -f $dir/package.json ]] || echo '{ "private": true }' > "$dir/package.json"
  if ! npm install --prefix "$dir" --no-audit --no-fund --silent bun@1 deno@2 node@22 edge-runtime@4 miniflare@4; then
    echo "test:runtimes: could not install the runtimes from the npm registry; nothing was checked" >&2
    exit "${RUNTIMES_REQUIRED:-0}"
  fi
fi
[[ -f dist/esm/index.js && -f dist/cjs/index.js ]] || npm run build
echo "node $($bin/node --version)";  $bin/node scripts/check-package.mjs
echo "bun $($bin/bun --version)";    $bin/bun scripts/check-package.mjs
echo "$($bin/deno --version | head -1)"; $bin/deno run --allow-read --allow-env --allow-net --allow-sys scripts/check-package.mjs
node scripts/runtimes/edge.mjs "$(cd "$dir" && pwd)"
