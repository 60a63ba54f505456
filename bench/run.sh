#!/usr/bin/env bash
# Times `reproduce` (Release build: every table, the claims audit, every figure as HTML, JSON and PNG) side by side
# with the speed anchor ../shared/bench/generate_figures_matplotlib.py (three log-scale PNGs and a CSV), in ONE
# hyperfine run; a third command is `reproduce` with no Chromium (HTML and JSON only), to show what the PNGs cost.
# Needs: apt-get install -y hyperfine python3-matplotlib python3-numpy chromium
# Usage: bench/run.sh [runs]   Writes bench/last-run.json and bench/last-run.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
anchor="${ANCHOR:-../shared/bench/generate_figures_matplotlib.py}"
dotnet build -c Release lib/ReproBundle.Cli -nologo -v q >/dev/null
cli="dotnet lib/ReproBundle.Cli/bin/Release/net10.0/ReproBundle.Cli.dll"
hyperfine --warmup 1 --runs "$runs" --export-json bench/last-run.json --export-markdown bench/last-run.md \
  -n matplotlib-anchor "/usr/bin/python3 $anchor \"\$(mktemp -d)\"" \
  -n reproduce "$cli reproduce --output \"\$(mktemp -d)/out\"" \
  -n reproduce-no-png "CHROME_PATH=/nonexistent $cli reproduce --output \"\$(mktemp -d)/out\""
