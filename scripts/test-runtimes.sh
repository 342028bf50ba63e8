#!/usr/bin/env bash
# `npm run test:runtimes`: the built package's check (scripts/check-package.mjs) under Node 22, Bun and Deno.
# The runtimes come from their npm packages, installed into .runtimes/ (git-ignored), not into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -x .runtimes/node_modules/.bin/bun || ! -x .runtimes/node_modules/.bin/deno || ! -x .runtimes/node_modules/.bin/node ]]; then
  mkdir -p .runtimes
  [[ -f .runtimes/package.json ]] || echo '{ "private": true }' > .runtimes/package.json
  if ! npm install --prefix .runtimes --no-audit --no-fund --silent bun@1 deno@2 node@22; then
    echo "test:runtimes: could not install the runtimes from the npm registry; nothing was checked" >&2
    exit "${RUNTIMES_REQUIRED:-0}"
  fi
fi
[[ -f dist/esm/index.js && -f dist/cjs/index.js ]] || npm run build
bin=.runtimes/node_modules/.bin
echo "node $($bin/node --version)";  $bin/node scripts/check-package.mjs
echo "bun $($bin/bun --version)";    $bin/bun scripts/check-package.mjs
echo "$($bin/deno --version | head -1)"; $bin/deno run --allow-read --allow-env --allow-net --allow-sys scripts/check-package.mjs
