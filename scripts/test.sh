#!/usr/bin/env bash
# `npm test`: every layer, starting what it needs.
#   1. typecheck            npx tsc --noEmit
#   2. unit + integration   npx vitest run (integration on PGlite, and again on PostgreSQL when
#                           TEST_DATABASE_URL is set — see vitest.config.ts)
#   3. end to end           scripts/e2e-prepare.ts, then Playwright in Debian's Chromium
# Without TEST_DATABASE_URL it starts a throwaway PostgreSQL cluster (scripts/pg-throwaway.sh)
# when the server binaries are installed, so CI and a developer run the same thing.
# CIVIC_TEST_PG=0 skips the PostgreSQL pass on purpose.
# Every layer runs even when an earlier one failed; the last line counts them all.
set -euo pipefail
cd "$(dirname "$0")/.."

# Checked first, so a machine without the browser fails in a second, not after the other layers.
if [ ! -x /usr/bin/chromium ]; then
  echo "npm test: Chromium is missing (/usr/bin/chromium). Install Debian's build: apt-get install -y chromium" >&2
  echo "          (never 'npx playwright install': it downloads a browser, which cannot work offline)" >&2
  exit 1
fi

pg_status="${CIVIC_TEST_PG_STATUS:-}"
if [ -z "${TEST_DATABASE_URL:-}" ] && [ -z "$pg_status" ]; then
  if [ "${CIVIC_TEST_PG:-1}" = "0" ]; then
    pg_status="skipped: CIVIC_TEST_PG=0"
  elif ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    # Re-run this script inside a throwaway cluster; pg-throwaway.sh exits 3 only when the
    # cluster itself could not start, and then the run goes on without it.
    rc=0
    CIVIC_TEST_PG_STATUS="ran on a throwaway cluster (scripts/pg-throwaway.sh)" bash scripts/pg-throwaway.sh bash scripts/test.sh "$@" || rc=$?
    [ "$rc" -ne 3 ] && exit "$rc"
    pg_status="skipped: the throwaway PostgreSQL cluster could not start (messages above)"
  else
    pg_status="skipped: TEST_DATABASE_URL is unset and no PostgreSQL server binaries were found in /usr/lib/postgresql/*/bin (apt-get install -y postgresql)"
  fi
  echo "npm test: PostgreSQL pass $pg_status"
fi
[ -n "$pg_status" ] || pg_status="ran against TEST_DATABASE_URL"

reports=.cache/test-results
mkdir -p "$reports"
rm -f "$reports/vitest.json" "$reports/playwright.json"

passed=0
failed=0
skipped=0
lines=()

# Reads a runner's JSON report; prints "passed failed skipped".
count() {
  node -e '
    const [kind, file, exitCode] = process.argv.slice(1);
    let r;
    try { r = JSON.parse(require("fs").readFileSync(file, "utf8")); } catch { console.log("0 1 0"); process.exit(0); }
    let p, f, s;
    if (kind === "vitest") {
      p = r.numPassedTests; f = r.numFailedTests; s = r.numPendingTests + r.numTodoTests;
      // A file that fails to load has no failed test in it, but the run failed.
      if (f === 0 && (r.numFailedTestSuites > 0 || exitCode !== "0")) f = Math.max(1, r.numFailedTestSuites);
    } else {
      p = r.stats.expected + r.stats.flaky; f = r.stats.unexpected; s = r.stats.skipped;
      if (f === 0 && ((r.errors ?? []).length > 0 || exitCode !== "0")) f = Math.max(1, (r.errors ?? []).length);
    }
    console.log(`${p} ${f} ${s}`);
  ' "$@"
}

tally() {
  local label="$1" p="$2" f="$3" s="$4"
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  lines+=("$(printf '  %-34s %4d passed · %d failed · %d skipped' "$label" "$p" "$f" "$s")")
}

section() {
  printf '\n━━ %s ━━\n' "$1"
}

section "1/3 typecheck (tsc --noEmit)"
if npx tsc --noEmit; then tally "typecheck" 1 0 0; else tally "typecheck" 0 1 0; fi

section "2/3 unit + integration (vitest; PostgreSQL pass $pg_status)"
rc=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json" || rc=$?
read -r p f s < <(count vitest "$reports/vitest.json" "$rc")
tally "unit + integration (vitest)" "$p" "$f" "$s"

section "3/3 end to end (Playwright, Chromium)"
rc=0
npx tsx scripts/e2e-prepare.ts || rc=$?
if [ "$rc" -eq 0 ]; then
  PLAYWRIGHT_JSON_OUTPUT_FILE="$reports/playwright.json" npx playwright test || rc=$?
  read -r p f s < <(count playwright "$reports/playwright.json" "$rc")
  tally "end to end (playwright)" "$p" "$f" "$s"
else
  echo "npm test: e2e preparation failed; the browser tests did not run" >&2
  tally "end to end (preparation failed)" 0 1 0
fi

section "summary"
printf '%s\n' "${lines[@]}"
echo "  PostgreSQL pass: $pg_status"
echo "total: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
