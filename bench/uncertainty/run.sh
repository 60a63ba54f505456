#!/usr/bin/env bash
# Side-by-side timing of the Monte Carlo: the bundle (C#, MathNet) against the same model vectorised with NumPy.
# A benchmark, never a test. Needs: Debian's python3-numpy and hyperfine (apt-get install -y python3-numpy hyperfine).
# Usage: bench/uncertainty/run.sh [samples]   (default 10,000,000). Results are written up in RESULTS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-10000000}"
REPS="${REPS:-5}"
dotnet build lib/ReproBundle.Cli -c Release -v q -nologo >/dev/null
CLI=lib/ReproBundle.Cli/bin/Release/net10.0/ReproBundle.Cli
PY=/usr/bin/python3   # Debian's python with Debian's numpy
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE slow a current numpy; unset them for numpy's runs only (see the env notes).
NP=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" bench/uncertainty/mc_numpy.py)

echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## in-process, one scenario, $N draws, $REPS runs each"
for t in 1 2; do
  for i in $(seq $REPS); do "$CLI" uncertainty --bench --samples "$N" --threads "$t"; done
done
"${NP[@]}" --samples "$N" --mode draw --repeat $REPS
"${NP[@]}" --samples "$N" --mode full --repeat $REPS

echo "## whole process (hyperfine): all three scenarios with percentiles, $N draws each"
OUT=$(mktemp -d)
hyperfine --warmup 1 --runs "$REPS" --export-json "$OUT/hyperfine.json" \
  -n "C# uncertainty (2 threads)" "$CLI uncertainty --samples $N --threads 2 --output $OUT/cs" \
  -n "NumPy (3 scenarios)" "${NP[*]} --samples $N --mode full --scenarios 3"
"$PY" - "$OUT/hyperfine.json" <<'PYEOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
print("| command | median [s] | min [s] | max [s] | user [s] | system [s] | median / first |")
print("|---|---|---|---|---|---|---|")
for x in r:
    print(f"| {x['command']} | {x['median']:.3f} | {x['min']:.3f} | {x['max']:.3f} | {x['user']:.3f} | {x['system']:.3f} | {x['median'] / base:.2f} |")
PYEOF
rm -rf "$OUT"
