#!/usr/bin/env bash
# Benchmark: training an MLP 784-512-256-10 (ReLU, cross-entropy, Adam lr 1e-3, batch 128) on synthetic data,
# Kiln (tests/Kiln.Benchmarks) vs Debian's PyTorch, same data, same machine, same run, 2 threads each. Each framework zeroes
# gradients its cheap way: Kiln in place (ZeroGrad(setToNone: false)), PyTorch with its default set_to_none=True.
# Also: GEMM GFLOP/s at n = 128/512/1024/2048, Kiln on the chosen device vs numpy.
# PyTorch runs on the CPU, except with --device cuda when its build can reach a GPU.
# Usage: scripts/bench/train.sh [--device cpu|opencl|cuda]
# Env: BENCH_SAMPLES (default 60000), BENCH_EPOCHS (default 3) to shorten a run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$bench_root"
device=cpu
while [[ $# -gt 0 ]]; do
  case $1 in
    --device) device=$2; shift 2 ;;
    *) echo "usage: $0 [--device cpu|opencl|cuda]" >&2; exit 2 ;;
  esac
done
samples=${BENCH_SAMPLES:-60000}
epochs=${BENCH_EPOCHS:-3}
export OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 DOTNET_PROCESSOR_COUNT=2 POCL_MAX_PTHREAD_COUNT=2

dotnet build tests/Kiln.Benchmarks -c Release -v quiet -nologo >/tmp/kiln-bench-build.log 2>&1 \
  || { cat /tmp/kiln-bench-build.log >&2; echo "bench: building tests/Kiln.Benchmarks failed" >&2; exit 1; }
kiln() { dotnet tests/Kiln.Benchmarks/bin/Release/net10.0/Kiln.Benchmarks.dll "$@"; }

pytorch() {
  /usr/bin/python3 - "$samples" "$epochs" "$device" <<'PY'
import sys, time, numpy as np, torch
samples, epochs = int(sys.argv[1]), int(sys.argv[2])
dev = "cuda" if sys.argv[3] == "cuda" and torch.cuda.is_available() else "cpu"
torch.set_num_threads(2)
i = np.arange(samples, dtype=np.int64)[:, None]; j = np.arange(784, dtype=np.int64)[None, :]
x = torch.from_numpy((((i * 131 + j * 71) % 1000).astype(np.float32) / np.float32(1000)) - np.float32(0.5))
y = torch.from_numpy((7 * np.arange(samples) + np.arange(samples) // 3) % 10)
x, y = x.to(dev), y.to(dev)
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10)).to(dev)
opt = torch.optim.Adam(model.parameters(), lr=1e-3); loss_fn = torch.nn.CrossEntropyLoss()
steps = samples // 128
def step(s):
    a = (s % steps) * 128
    opt.zero_grad(); l = loss_fn(model(x[a:a + 128]), y[a:a + 128]); l.backward(); opt.step(); return l
for s in range(5): step(s)
t0 = time.perf_counter()
for s in range(steps * epochs): step(s)
if dev == "cuda": torch.cuda.synchronize()
dt = time.perf_counter() - t0
print(f"pytorch_train device={dev} steps={steps * epochs} seconds={dt:.2f} samples_per_s={steps * epochs * 128 / dt:.0f}")
PY
}

numpy_gemm() {
  /usr/bin/python3 - <<'PY'
import time, numpy as np
for n in (128, 512, 1024, 2048):
    a = np.random.default_rng(1).standard_normal((n, n), dtype=np.float32); b = np.random.default_rng(2).standard_normal((n, n), dtype=np.float32)
    a @ b; reps = max(2, int(1e10 / (2.0 * n ** 3))); t0 = time.perf_counter()
    for _ in range(reps): a @ b
    print(f"numpy_gemm n={n} gflops={2.0 * n ** 3 * reps / (time.perf_counter() - t0) / 1e9:.1f}")
PY
}

field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }

echo "device: $device, samples: $samples, epochs: $epochs, threads: 2"
k=$(kiln train --device "$device" --samples "$samples" --epochs "$epochs"); echo "$k"
p1=$(pytorch); echo "$p1 (as-is)"
p2=$(OMP_WAIT_POLICY=PASSIVE pytorch); echo "$p2 (OMP_WAIT_POLICY=PASSIVE)"
kg=$(kiln gemm --device "$device"); echo "$kg"
ng=$(numpy_gemm); echo "$ng"
for n in 128 512 1024 2048; do
  a=$(echo "$kg" | grep " n=$n " | field gflops); b=$(echo "$ng" | grep " n=$n " | field gflops)
  echo "gemm n=$n: kiln $a GFLOP/s, numpy $b GFLOP/s, ratio $(ratio "$b" "$a")"
done
echo "managed bytes per training step (steady state): $(echo "$k" | field managed_bytes_per_step)"
echo "kiln process CPU time per training step (all threads): $(echo "$k" | field cpu_ms_per_step) ms"
kr=$(echo "$k" | field samples_per_s)
r1=$(echo "$p1" | field samples_per_s); r2=$(echo "$p2" | field samples_per_s)
pr=$(( r1 > r2 ? r1 : r2 ))
printf 'speedup: %s (kiln %s samples/s, pytorch %s samples/s)\n' "$(ratio "$pr" "$kr")" "$kr" "$pr"
