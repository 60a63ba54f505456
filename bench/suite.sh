#!/usr/bin/env bash
# Times the test suite as CI runs it (issue 11's suite goal): N fresh clones of this repository's HEAD, one after the
# other, each running `CI=true bash .ci/run`. Per run it prints the exit code, the whole time, dotnet test's own
# "Duration" (the test run without restore and build) and how busy the machine's cores were meanwhile (/proc/stat).
# Committed work only: a clone holds HEAD, not the working tree. Each clone's path is new, so the reader's
# `dotnet run NN.cs` builds of the twin tests are cold, as on CI; they stay in ~/.local/share/dotnet/runfile.
# Usage: bench/suite.sh [N]   (N runs, default 3; about 4 minutes each on two cores)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
if ! [[ "$runs" =~ ^[1-9][0-9]?$ ]]; then
  echo "bench/suite.sh: N must be a whole number from 1 to 99, got '$runs'" >&2
  exit 2
fi
commit="$(git -C "$root" rev-parse --short HEAD)"
work="$(mktemp -d "${TMPDIR:-/tmp}/reprobundle-suite-XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Total and idle jiffies of all cores since boot.
cpu_now() { awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6}' /proc/stat; }

failed=0
for i in $(seq 1 "$runs"); do
  clone="$work/clone$i"
  git clone -q "$root" "$clone"
  read -r total0 idle0 < <(cpu_now)
  start="$(date +%s.%N)"
  status=0
  (cd "$clone" && CI=true bash .ci/run) > "$work/run$i.log" 2>&1 || status=$?
  end="$(date +%s.%N)"
  read -r total1 idle1 < <(cpu_now)
  duration="$(grep -Eo 'Duration: [0-9]+ m [0-9]+ s|Duration: [0-9]+ s' "$work/run$i.log" | tail -1 | sed 's/Duration: //' || true)"
  summary="$(grep -E '^tests: ' "$work/run$i.log" | tail -1 || true)"
  LC_ALL=C awk -v i="$i" -v c="$commit" -v rc="$status" -v s="$start" -v e="$end" -v d="${duration:-none}" -v t="${summary:-no summary}" \
    -v busy="$(( (total1 - total0) - (idle1 - idle0) ))" -v all="$(( total1 - total0 ))" \
    'BEGIN { printf "run %d of %s: exit %d, whole %.0f s, dotnet test Duration %s, cores busy %.0f%%, %s\n", i, c, rc, e - s, d, (all > 0 ? 100 * busy / all : 0), t }'
  if [[ "$status" != 0 ]]; then
    failed=1
    cp "$work/run$i.log" "${TMPDIR:-/tmp}/reprobundle-suite-run$i-failed.log"
    echo "  the log of the failed run: ${TMPDIR:-/tmp}/reprobundle-suite-run$i-failed.log" >&2
  fi
  rm -rf "$clone"
done
exit "$failed"
