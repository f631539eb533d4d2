#!/usr/bin/env bash
# Benchmark: kernel latency. Cold: process start to first result for a one-cell notebook (kiln run vs
# jupyter nbconvert --execute with ipykernel). Warm: median per-cell time of 30 trivial cells, read from each tool's own
# nbclient timing metadata (iopub.execute_input -> shell.execute_reply).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$bench_root"
./scripts/setup-deps.sh >/dev/null
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./scripts/kiln --version >/dev/null

ipynb_code_cells "$work/cs1.ipynb" kiln-csharp csharp "1 + 1"
ipynb_code_cells "$work/py1.ipynb" python3 python "1 + 1"
cs=() py=()
for i in $(seq 1 30); do cs+=("$i + 1"); py+=("$i + 1"); done
ipynb_code_cells "$work/cs30.ipynb" kiln-csharp csharp "${cs[@]}"
ipynb_code_cells "$work/py30.ipynb" python3 python "${py[@]}"

cold_kiln=$(best_of "$runs" ./scripts/kiln run "$work/cs1.ipynb" -o "$work/kout" --quiet)
cold_ref=$(best_of "$runs" /usr/bin/jupyter nbconvert --to notebook --execute --output-dir "$work/pout" "$work/py1.ipynb")

./scripts/kiln run "$work/cs30.ipynb" -o "$work/kout" --quiet >/dev/null
/usr/bin/jupyter nbconvert --to notebook --execute --output-dir "$work/pout" "$work/py30.ipynb" >/dev/null 2>&1
warm() { # median ms of cells 2..N
  /usr/bin/python3 - "$1" <<'PY'
import sys, json, statistics
from datetime import datetime
nb = json.load(open(sys.argv[1]))
t = lambda s: datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ")
d = [(t(c["metadata"]["execution"]["shell.execute_reply"]) - t(c["metadata"]["execution"]["iopub.execute_input"])).total_seconds() * 1000
     for c in nb["cells"][1:]]
print(f"{statistics.median(d):.2f}")
PY
}
warm_kiln=$(warm "$work/kout/cs30.ipynb")
warm_ref=$(warm "$work/pout/py30.ipynb")
echo "cold start (one-cell notebook, process start to result): kiln $cold_kiln s, nbconvert+ipykernel $cold_ref s, ratio kiln/ref $(printf '%.2f' "$(echo "$cold_kiln / $cold_ref" | bc -l)")"
echo "warm trivial cell (median of 29): kiln $warm_kiln ms, ipykernel $warm_ref ms"
printf 'speedup: %s (kiln %.3f s, nbconvert %.3f s)\n' "$(ratio "$cold_kiln" "$cold_ref")" "$cold_kiln" "$cold_ref"
