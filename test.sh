#!/usr/bin/env bash
# Runs every test of the bundle: installs what the tests need (the pinned dotnet tools; Debian's
# chromium-headless-shell when it is missing and we are root), then `dotnet test`. Under CI=true a missing snapshot
# fails instead of being written (Snapshooter strict mode).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The browser tests and PNG export use Debian's chromium-headless-shell (same engine and DevTools protocol as chromium,
# about half the start-up time); a full chromium, or CHROME_PATH, works too.
if [[ -z "${CHROME_PATH:-}" ]] && ! command -v chromium-headless-shell >/dev/null 2>&1; then
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Debian's chromium-headless-shell for the browser tests and PNG export"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null
  elif ! command -v chromium >/dev/null 2>&1; then
    echo "test.sh: Chromium not found; install Debian's chromium-headless-shell (apt-get install -y chromium-headless-shell) or set CHROME_PATH" >&2
    exit 1
  fi
fi

if ! /usr/bin/python3 -c "import nbformat" >/dev/null 2>&1 && [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
  echo "test.sh: installing Debian's python3-nbformat for the notebook validator tests"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-nbformat >/dev/null
fi
dotnet tool restore
if [[ "${CI:-}" == "true" ]]; then export SNAPSHOOTER_STRICT_MODE=true; fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test ReproBundle.sln -c Release -p:ReproBundleReadyToRun=false "$@" 2>&1 | tee "$log" || status=$?
# One plain summary line for CI readers: "tests: N passed, N failed, N skipped".
summary="$(grep -E '(Passed|Failed)!  - Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -1 || true)"
if [[ -n "$summary" ]]; then
  failed="$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")"
  passed="$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")"
  skipped="$(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$summary")"
  echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
fi
exit "$status"
