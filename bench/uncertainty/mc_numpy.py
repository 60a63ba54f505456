#!/usr/bin/env python3
"""The bundle's Monte Carlo model (lib/ReproBundle/Uncertainty), vectorised with NumPy, for a side-by-side timing.

Same inputs, priors and equations as UncertaintyModel (scenario paper_ranges; see
output/tables/uncertainty_inputs.csv), different random numbers (NumPy's PCG64 instead of MathNet's
xoshiro256**), so percentiles agree within sampling error, not to the bit. A benchmark, not a test.

    python3 bench/uncertainty/mc_numpy.py --samples 10000000 --mode full --repeat 5
"""
import argparse
import statistics
import time

import numpy as np

# Ranges of data/ (paper_ranges scenario): name -> (lo, hi). Point inputs have lo == hi.
RANGES = {
    "h100.capex_usd": (30000.0, 30000.0),   # table1.h100.capex_usd
    "h100.tok_s": (15.0, 25.0),             # table2.decode_single.h100
    "h100.utilization": (0.4, 0.9),         # model.utilization
    "h100.power_w": (700.0, 700.0),         # table1.h100.power_w
    "asic.capex_usd": (8000.0, 20000.0),    # asic.node_cost_usd
    "asic.tok_s": (300.0, 800.0),           # table2.decode_single.asic
    "asic.utilization": (0.4, 0.9),         # model.utilization
    "asic.power_w": (1500.0, 2500.0),       # asic.node_power_w
    "lifetime_years": (3.0, 3.0),           # table2.lifetime_years
    "stream_tok_s": (5.0, 5.0),             # appc.h100.stream_tok_s = appc.asic.stream_tok_s
}
SECONDS_PER_YEAR = 365 * 24 * 3600


def draw(rng, lo, hi, n):
    """The bundle's prior rule: fixed for a point, log-uniform when hi/lo > 2, uniform otherwise."""
    if lo == hi:
        return np.full(n, lo)
    u = rng.random(n)
    if lo > 0 and hi / lo > 2:
        return lo * np.exp(u * np.log(hi / lo))
    return lo + u * (hi - lo)


def model(rng, n):
    x = {k: draw(rng, lo, hi, n) for k, (lo, hi) in RANGES.items()}
    out = {}
    for p in ("h100", "asic"):
        c, t, u = x[f"{p}.capex_usd"], x[f"{p}.tok_s"], x[f"{p}.utilization"]
        out[f"cost.{p}"] = c / (x["lifetime_years"] * SECONDS_PER_YEAR * u * t) * 1e6   # Appendix C cost step
        out[f"energy.{p}"] = x[f"{p}.power_w"] * (1.0 / t)                               # §3.2 energy, batch 1
        out[f"density.{p}"] = (1e6 / c) * (t / x["stream_tok_s"]) * u                     # Appendix C D * u
    out["cost.ratio"] = out["cost.h100"] / out["cost.asic"]
    out["energy.ratio"] = out["energy.h100"] / out["energy.asic"]
    out["density.ratio"] = out["density.asic"] / out["density.h100"]
    return out


def summarise(out):
    rows = {}
    for k, v in out.items():
        p = np.percentile(v, [5, 25, 50, 75, 95])   # method="linear" = R-7, as the bundle
        rows[k] = (*p, v.mean(), v.min(), v.max())
    return rows, float(np.mean(out["density.ratio"] > 10))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=10_000_000)
    ap.add_argument("--seed", type=int, default=20260422)
    ap.add_argument("--mode", choices=["draw", "full"], default="full")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--scenarios", type=int, default=1, help="run the model this many times per repeat (the CLI runs 3)")
    a = ap.parse_args()
    times, cpu = [], []
    for r in range(a.repeat):
        rng = np.random.default_rng(a.seed + r)
        t0 = time.perf_counter()
        c0 = time.process_time()
        for _ in range(a.scenarios):
            out = model(rng, a.samples)
            if a.mode == "full":
                rows, p10 = summarise(out)
            else:
                p10 = float(out["density.ratio"].sum())
            del out
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    med = statistics.median(times)
    print(f"numpy {np.__version__} samples {a.samples} mode {a.mode} x{a.scenarios}: median {med * 1e3:.1f} ms wall of {a.repeat} "
          f"({a.samples * a.scenarios / med / 1e6:.1f} M draws/s), median {statistics.median(cpu) * 1e3:.0f} ms CPU")
    if a.mode == "full":
        r = rows["density.ratio"]
        print(f"  density ratio p5 {r[0]:.6g} p50 {r[2]:.6g} p95 {r[4]:.6g}; P(>10x) {p10:.6g}")


if __name__ == "__main__":
    main()
