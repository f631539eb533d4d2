#!/usr/bin/env bash
# Benchmark: the Jupyter kernel, driven by Debian's jupyter_client: kernel start to kernel_info reply, and the
# execute round trip of a trivial cell (median of 50 per kernel start, RUNS=5 starts), for Kiln's kernel and ipykernel,
# in the same run, taking turns.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$bench_root"
./scripts/setup-deps.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./scripts/kiln jupyter install --prefix "$work" >/dev/null

JUPYTER_PATH="$work/share/jupyter" /usr/bin/python3 - "${RUNS:-5}" <<'PY'
import statistics, sys, time
from jupyter_client.manager import start_new_kernel

runs = int(sys.argv[1])

def measure(kernel_name, code, starts, trips):
    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=120)  # returns after a kernel_info reply
    starts.append(time.perf_counter() - t0)
    kc.execute_interactive(code, timeout=60, output_hook=lambda msg: None)  # first execution, not timed
    for _ in range(50):
        t1 = time.perf_counter()
        reply = kc.execute_interactive(code, timeout=60, output_hook=lambda msg: None)
        trips.append(time.perf_counter() - t1)
        assert reply["content"]["status"] == "ok", reply
    kc.stop_channels()
    km.shutdown_kernel(now=True)

# The two kernels take turns, run by run, so that a slow spell of the machine falls on both.
kiln_starts, kiln_trips, py_starts, py_trips = [], [], [], []
for _ in range(runs):
    measure("kiln-csharp", "1 + 1", kiln_starts, kiln_trips)
    measure("python3", "1 + 1", py_starts, py_trips)
kiln_start, kiln_trip = min(kiln_starts), statistics.median(kiln_trips) * 1000
py_start, py_trip = min(py_starts), statistics.median(py_trips) * 1000
print(f"start to kernel_info reply: kiln {kiln_start:.3f} s, ipykernel {py_start:.3f} s, ratio kiln/ipykernel {kiln_start / py_start:.2f}")
print(f"execute round trip (median of {len(kiln_trips)}): kiln {kiln_trip:.2f} ms, ipykernel {py_trip:.2f} ms, ratio {kiln_trip / py_trip:.2f}")
print(f"speedup: {py_start / kiln_start:.2f} (kiln {kiln_start:.3f} s, ipykernel {py_start:.3f} s)")
PY
