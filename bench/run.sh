#!/usr/bin/env bash
# Times `reproduce` (Release build: every table, the claims audit, the Monte Carlo, the site, every figure as HTML, JSON
# and PNG) side by side with the speed anchor ../shared/bench/generate_figures_matplotlib.py (three log-scale PNGs and a
# CSV), and `reproduce --no-png` (HTML and JSON only) to show what the PNGs cost. The three commands run in turn,
# anchor / reproduce / no-png, round after round, so each round gives a ratio of runs taken under the same machine load
# (these machines are shared: quote the median ratio, not one absolute time). Every run is cold: a fresh output folder,
# a fresh browser profile, nothing carried over. The load average is recorded before and after.
# Two more columns time what a user repeats: `reproduce-warm` is a second `reproduce` into an output folder a first run
# filled, with nothing changed (nothing rewritten, no browser started: lib/ReproBundle/UnchangedRun.cs); `reproduce-reviewer-2-figures` is a reviewer's run
# with bench/two-figures.yaml into a copy of that folder, which must draw exactly the two figures its overrides change
# (checked on the run's "pngs:" line; the copy is made before the clock starts).
# Needs: apt-get install -y python3-matplotlib python3-numpy chromium-headless-shell
# Usage: bench/run.sh [rounds]   (default 5, after one warm-up round)   Writes bench/last-run.json and bench/last-run.md.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
anchor="${ANCHOR:-../shared/bench/generate_figures_matplotlib.py}"
dotnet build -c Release lib/ReproBundle.Cli -nologo -v q >/dev/null
cli="lib/ReproBundle.Cli/bin/Release/net10.0/ReproBundle.Cli.dll"
python3 - "$rounds" "$anchor" "$cli" <<'PY'
import json, os, shutil, statistics, subprocess, sys, tempfile, time

rounds, anchor, cli = int(sys.argv[1]), sys.argv[2], sys.argv[3]
warm = tempfile.mkdtemp(prefix="bench-warm-")
warm_out = os.path.join(warm, "out")
commands = {
    "matplotlib-anchor": lambda d: ["/usr/bin/python3", anchor, d],
    "reproduce": lambda d: ["dotnet", cli, "reproduce", "--output", os.path.join(d, "out")],
    "reproduce-no-png": lambda d: ["dotnet", cli, "reproduce", "--no-png", "--output", os.path.join(d, "out")],
    # The warm-up round's run fills warm_out; every counted run is a second run with nothing changed.
    "reproduce-warm": lambda d: ["dotnet", cli, "reproduce", "--output", warm_out],
    "reproduce-reviewer-2-figures": lambda d: ["dotnet", cli, "reproduce", "--assumptions", "bench/two-figures.yaml", "--output", os.path.join(d, "out")],
}
expected_pngs = {
    "reproduce-warm": "nothing was rewritten and no PNG drawn",
    "reproduce-reviewer-2-figures": "pngs: 2 drawn (agent_density_steps, break_even_volume), 9 reused",
}

def run(name, counted=True):
    with tempfile.TemporaryDirectory(prefix="bench-") as d:
        if name == "reproduce-reviewer-2-figures":
            # The reviewer runs after a plain run: a copy of the warm folder (made before the clock starts).
            shutil.copytree(warm_out, os.path.join(d, "out"))
        start = time.perf_counter()
        done = subprocess.run(commands[name](d), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"bench: {name} exited {done.returncode}: {done.stderr.decode(errors='replace').strip()}")
        if counted and name in expected_pngs and expected_pngs[name] not in done.stdout.decode(errors="replace"):
            sys.exit(f"bench: {name} did not log '{expected_pngs[name]}':\n{done.stdout.decode(errors='replace')}")
        return wall

load_before = os.getloadavg()
for name in commands:  # warm-up round, not counted (its reproduce-warm run is the first run that fills the folder)
    run(name, counted=False)
walls = {name: [] for name in commands}
for _ in range(rounds):
    for name in commands:
        walls[name].append(run(name))
load_after = os.getloadavg()
shutil.rmtree(warm, ignore_errors=True)

def ratios(name):
    return [a / b for a, b in zip(walls[name], walls["matplotlib-anchor"])]

result = {
    "rounds": rounds,
    "load_average_1_5_15_before": [round(x, 2) for x in load_before],
    "load_average_1_5_15_after": [round(x, 2) for x in load_after],
    "wall_s": {n: [round(w, 3) for w in ws] for n, ws in walls.items()},
    "median_wall_s": {n: round(statistics.median(ws), 3) for n, ws in walls.items()},
    "median_ratio_to_anchor": {n: round(statistics.median(ratios(n)), 2) for n in commands if n != "matplotlib-anchor"},
}
with open("bench/last-run.json", "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
lines = [
    f"{rounds} rounds (anchor, reproduce, reproduce --no-png, a second reproduce with nothing changed, a reviewer's run changing two figures, in turn), load average (1/5/15 min) "
    f"{' '.join(f'{x:.1f}' for x in load_before)} before, {' '.join(f'{x:.1f}' for x in load_after)} after",
    "",
    "| command | median wall [s] | min [s] | max [s] | median of paired ratios to the anchor |",
    "|---|---:|---:|---:|---:|",
]
for n, ws in walls.items():
    ratio = "1.00" if n == "matplotlib-anchor" else f"{statistics.median(ratios(n)):.2f}"
    lines.append(f"| `{n}` | {statistics.median(ws):.3f} | {min(ws):.3f} | {max(ws):.3f} | {ratio} |")
with open("bench/last-run.md", "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
