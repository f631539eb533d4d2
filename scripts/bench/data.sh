#!/usr/bin/env bash
# Benchmark: Kiln.Data and Kiln.Metrics vs pandas and scikit-learn (Debian's /usr/bin/python3), same data, same machine, same run.
# (a) load a seeded 1,000,000 x 20 CSV (10 float, 6 int, 4 string columns, 1% empty fields in one float column) and describe it:
#     Kiln Frame.ReadCsv + Describe() vs pandas pd.read_csv + describe(include="all");
# (b) F1 + ROC AUC on 10,000,000 seeded binary predictions: ClassificationMetrics.F1 + RankingMetrics.RocAuc vs
#     sklearn.metrics f1_score + roc_auc_score.
# Both sides time in-process (interpreter/runtime start-up and data generation excluded), best of RUNS (default 3).
# Kiln uses every core (CSV blocks and Describe columns run in parallel); pandas and scikit-learn run single-threaded here.
# On a shared, loaded machine the ratio swings from run to run: the Kiln lines also print CPU time, which varies less.
# ROWS and PREDICTIONS scale the inputs down for quick runs; KILN_BENCH_BUILD_ARGS adds dotnet build arguments.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$bench_root"
command -v bc >/dev/null || { echo "bench: needs bc (apt-get install bc)" >&2; exit 1; }
runs=${RUNS:-3}
rows=${ROWS:-1000000}
predictions=${PREDICTIONS:-10000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/Kiln.Benchmarks.Data -c Release -nologo -v quiet -clp:ErrorsOnly ${KILN_BENCH_BUILD_ARGS:-} >&2
bench_dll=tests/Kiln.Benchmarks.Data/bin/Release/net10.0/Kiln.Benchmarks.Data.dll

/usr/bin/python3 - "$work" "$rows" "$predictions" <<'PY'
import sys, numpy as np, pandas as pd
work, rows, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(20261122)
cols = {}
for j in range(10):
    cols[f"f{j}"] = np.round(rng.normal(j, 1 + j, rows), 6)
cols["f9"][rng.random(rows) < 0.01] = np.nan
for j in range(6):
    cols[f"i{j}"] = rng.integers(-10 ** (j + 1), 10 ** (j + 1), rows)
for j in range(4):
    cols[f"s{j}"] = np.array([f"cat_{k}" for k in range(10 ** (j + 1))])[rng.integers(0, 10 ** (j + 1), rows)]
pd.DataFrame(cols).to_csv(f"{work}/data.csv", index=False)
y_true = (rng.random(n) < 0.3).astype(np.int32)
y_score = np.clip(0.35 * y_true + rng.normal(0.4, 0.25, n), 0, 1).astype(np.float64)
y_pred = (y_score >= 0.5).astype(np.int32)
y_true.tofile(f"{work}/y_true.i32"); y_pred.tofile(f"{work}/y_pred.i32"); y_score.tofile(f"{work}/y_score.f64")
PY
echo "data: $(du -h "$work/data.csv" | cut -f1) CSV, $rows rows; $predictions predictions"

pandas_out=$(/usr/bin/python3 - "$work/data.csv" "$runs" <<'PY'
import sys, time, pandas as pd
best = float("inf")
for r in range(int(sys.argv[2])):
    t0 = time.perf_counter(); df = pd.read_csv(sys.argv[1]); t1 = time.perf_counter(); d = df.describe(include="all"); t2 = time.perf_counter()
    print(f"pandas run {r}: load {t1 - t0:.3f} s, describe {t2 - t1:.3f} s, total {t2 - t0:.3f} s", file=sys.stderr)
    best = min(best, t2 - t0)
print(f"{best:.3f}")
PY
)
out=$(dotnet "$bench_dll" csv "$work/data.csv" "$runs"); echo "$out" >&2
kiln_out=$(sed -n 's/^kiln_seconds //p' <<<"$out")
echo "csv load + describe: kiln $kiln_out s, pandas $pandas_out s, speedup $(ratio "$kiln_out" "$pandas_out")"

sklearn_out=$(/usr/bin/python3 - "$work" "$runs" <<'PY'
import sys, time, numpy as np
from sklearn.metrics import f1_score, roc_auc_score
w = sys.argv[1]
y_true = np.fromfile(f"{w}/y_true.i32", dtype=np.int32); y_pred = np.fromfile(f"{w}/y_pred.i32", dtype=np.int32)
y_score = np.fromfile(f"{w}/y_score.f64", dtype=np.float64)
best = float("inf")
for r in range(int(sys.argv[2])):
    t0 = time.perf_counter(); f1 = f1_score(y_true, y_pred); t1 = time.perf_counter(); auc = roc_auc_score(y_true, y_score); t2 = time.perf_counter()
    print(f"sklearn run {r}: f1 {t1 - t0:.3f} s, roc_auc {t2 - t1:.3f} s, total {t2 - t0:.3f} s (f1 = {f1!r}, auc = {auc!r})", file=sys.stderr)
    best = min(best, t2 - t0)
print(f"{best:.3f}")
PY
)
out=$(dotnet "$bench_dll" metrics "$work/y_true.i32" "$work/y_pred.i32" "$work/y_score.f64" "$runs"); echo "$out" >&2
kiln_m=$(sed -n 's/^kiln_seconds //p' <<<"$out")
echo "f1 + roc_auc: kiln $kiln_m s, scikit-learn $sklearn_out s, speedup $(ratio "$kiln_m" "$sklearn_out")"

total_kiln=$(echo "$kiln_out + $kiln_m" | bc -l)
total_ref=$(echo "$pandas_out + $sklearn_out" | bc -l)
printf 'speedup: %s (kiln %.3f s, pandas+scikit-learn %.3f s)\n' "$(ratio "$total_kiln" "$total_ref")" "$total_kiln" "$total_ref"
