#!/usr/bin/env bash
# Runs every test of the bundle: installs what the tests need (the pinned dotnet tools; Debian's Chromium
# when missing and we are root), then `dotnet test`. Under CI=true a missing snapshot fails instead of
# being written (Snapshooter strict mode).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ -z "${CHROME_PATH:-}" ]] && ! command -v chromium >/dev/null 2>&1; then
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Debian's chromium for the browser tests and PNG export"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test.sh: Chromium not found; install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH" >&2
    exit 1
  fi
fi

dotnet tool restore
if [[ "${CI:-}" == "true" ]]; then export SNAPSHOOTER_STRICT_MODE=true; fi
dotnet test ReproBundle.sln -c Release "$@"
