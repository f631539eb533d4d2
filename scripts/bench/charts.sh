#!/usr/bin/env bash
# Benchmark: Kiln.Charts figure building and serialization, same machine, same run.
# (a) a 100,000-point scatter and (b) a 100x100 heatmap: Chart.Scatter / Chart.Heatmap + ToJson(), best of RUNS (default 5,
#     after one warm-up), goal < 50 ms per chart;
# (c) a notebook session showing 10 charts through the display channel: size of the text/html outputs, goal: plotly.js once.
# Reference: Debian's python3-plotly is not installed here (and is not installed just for this), so the reference is
# Python's json.dumps of the very same figure dicts (Kiln writes them, Python loads them untimed, then times json.dumps),
# which is the serialization step plotly.py's fig.to_json() performs; Python's figure building is not counted, in its favour.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$bench_root"
command -v bc >/dev/null || { echo "bench: needs bc (apt-get install bc)" >&2; exit 1; }
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/Kiln.Benchmarks.Data -c Release -nologo -v quiet -clp:ErrorsOnly ${KILN_BENCH_BUILD_ARGS:-} >&2

out=$(KILN_BENCH_OUT="$work" dotnet tests/Kiln.Benchmarks.Data/bin/Release/net10.0/Kiln.Benchmarks.Data.dll charts "$runs")
echo "$out" | grep -v '^kiln_'
value() { sed -n "s/^$1 //p" <<<"$out"; }
scatter=$(value kiln_scatter_ms) heatmap=$(value kiln_heatmap_ms)
copies=$(value kiln_plotly_copies)

ref=$(/usr/bin/python3 - "$work" "$runs" <<'PY'
import json, sys, time
work, runs = sys.argv[1], int(sys.argv[2])
for name in ("scatter", "heatmap"):
    with open(f"{work}/{name}.json") as f:
        fig = json.load(f)
    best = float("inf")
    for _ in range(runs + 1):
        t0 = time.perf_counter(); s = json.dumps(fig); best = min(best, time.perf_counter() - t0)
    print(f"{best * 1000:.3f}")
PY
)
ref_scatter=$(sed -n 1p <<<"$ref") ref_heatmap=$(sed -n 2p <<<"$ref")
echo "scatter 100k: kiln $scatter ms, json.dumps $ref_scatter ms (goal < 50 ms: $( (( $(echo "$scatter < 50" | bc -l) )) && echo met || echo missed))"
echo "heatmap 100x100: kiln $heatmap ms, json.dumps $ref_heatmap ms (goal < 50 ms: $( (( $(echo "$heatmap < 50" | bc -l) )) && echo met || echo missed))"
echo "notebook with 10 charts: plotly.js included $copies time(s) (goal: once: $([[ "$copies" == 1 ]] && echo met || echo missed))"
kiln_total=$(echo "$scatter + $heatmap" | bc -l)
ref_total=$(echo "$ref_scatter + $ref_heatmap" | bc -l)
printf 'speedup: %s (kiln %.1f ms, json.dumps %.1f ms)\n' "$(ratio "$kiln_total" "$ref_total")" "$kiln_total" "$ref_total"
