#!/usr/bin/env bash
# `npm test`: every test. Installs what the tests need, type-checks, lints, checks the
# formatting (Prettier), builds the `packetwalk` command from the current sources (its process
# tests run it), runs the unit, property and kernel-conformance tests (Vitest), builds the site
# and runs the browser tests (Playwright) against the build served under a sub-path.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test || exit 1
mkdir -p test-results
status=0
step() {
  echo "== $*"
  "$@" || status=1
}
step npx tsc -b
step npx eslint .
step npx prettier --check --log-level warn .
step node scripts/buildCli.mjs
step npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step npx vite build
step npx playwright test
node scripts/summary.mjs test-results/vitest.json test-results/playwright.json || status=1
exit $status
