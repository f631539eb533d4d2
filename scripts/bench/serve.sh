#!/usr/bin/env bash
# Benchmark: Kiln's model server vs gunicorn + Flask + PyTorch, same model, same requests, same machine, same run.
# Model: an MLP 64 -> 128 (ReLU) -> 10, FP32, weights written once by PyTorch and loaded by both servers.
# Load: wrk on loopback (keep-alive, closed loop) posting the same Open Inference Protocol (V2) JSON body to both:
#   1 row at 1, 8 and 64 connections, and 32-row requests at 8 connections; req/s, p50 and p99 for each.
# Each server first gets WARMUP_SECONDS (default 10) of unmeasured 1-row load at 64 connections: under load .NET
# recompiles the hot request path optimized (tier 1) in the background over the first seconds, and a measurement taken
# before that times the JIT rather than the server. gunicorn gets the same warm-up.
# DURATION=5 s per scenario after a 1 s warm-up; the warm-ups, scenarios and overload take about 3–4 minutes, the soak adds
# SOAK_SECONDS. Client and servers share the machine's cores, so absolute figures are pessimistic; the ratio is what
# the final line reports.
# Overload (OVERLOAD_SECONDS=10 after a 2 s warm-up): an open-loop generator (tests/Kiln.Benchmarks.Serve: fixed
# request rate, raw keep-alive HTTP/1.1 on 1024 connections, loopback only) offers 2x the c=64 peak
#   - to a fresh `kiln serve --max-queue-size OVERLOAD_QUEUE` (default 256; the server's default is 1024);
#   - to gunicorn (no queue bound: it queues in the listen backlog and never answers 503).
#   It reports served req/s as % of peak, 503s, p50/p99 of 2xx and of 503 responses (from send), the generator's own
#   lag (due time to send) and other errors (incl. the generator's 10 s timeout).
# Soak (SOAK_SECONDS, default 600 = the issue's 10 minutes; SOAK_SECONDS=60 for a quick check, 0 to skip): the same
# generator at SOAK_LOAD (default 0.6) x the c=64 peak on 64 connections against the `kiln serve` process, after a
# 10 s warm-up at that rate, sampling its VmRSS every 10 s; reports RSS at start and end and the growth in MB
# (Kiln only: a gunicorn soak would double the run time).
# Final line: speedup: S (kiln A req/s, flask B req/s), where A and B are each server's mean throughput over the four
# scenarios and S = A / B (> 1 means Kiln is faster).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$bench_root"
for tool in wrk gunicorn bc curl; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install wrk gunicorn bc curl python3-flask python3-torch)" >&2; exit 1; }
done
duration=${DURATION:-5}
warmup_seconds=${WARMUP_SECONDS:-10}
soak_seconds=${SOAK_SECONDS:-600}
soak_load=${SOAK_LOAD:-0.6}
overload_seconds=${OVERLOAD_SECONDS:-10}
overload_queue=${OVERLOAD_QUEUE:-256}
flask_workers=${FLASK_WORKERS:-$(nproc)}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# The model directory (Kiln's manifest + safetensors, written by PyTorch) and the two request bodies.
/usr/bin/python3 - "$work" <<'PY'
import json, pathlib, struct, sys, torch
work = pathlib.Path(sys.argv[1]); model_dir = work / "mlp"; model_dir.mkdir()
torch.manual_seed(0)
net = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
header, blobs, offset = {}, [], 0
for name, t in net.state_dict().items():
    b = t.contiguous().numpy().tobytes()
    header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
    blobs.append(b); offset += len(b)
h = json.dumps(header).encode(); h += b" " * ((8 - len(h) % 8) % 8)
(model_dir / "model.safetensors").write_bytes(struct.pack("<Q", len(h)) + h + b"".join(blobs))
(model_dir / "manifest.json").write_text(json.dumps({"name": "mlp", "version": "1", "architecture": [
    {"type": "linear", "in": 64, "out": 128}, {"type": "relu"}, {"type": "linear", "in": 128, "out": 10}]}))
gen = torch.Generator().manual_seed(1)
for rows in (1, 32):
    data = torch.randn(rows, 64, generator=gen).reshape(-1).tolist()
    body = {"inputs": [{"name": "input", "shape": [rows, 64], "datatype": "FP32", "data": data}]}
    (work / f"body{rows}.json").write_text(json.dumps(body))
PY

# The Flask reference: the same V2 infer endpoint in PyTorch, one thread per worker, gunicorn sync workers.
cat > "$work/flask_app.py" <<'PY'
import json, pathlib, struct, torch
from flask import Flask, jsonify, request
torch.set_num_threads(1)
raw = (pathlib.Path(__file__).parent / "mlp" / "model.safetensors").read_bytes()
(n,) = struct.unpack("<Q", raw[:8]); header = json.loads(raw[8:8 + n]); data = bytearray(raw[8 + n:])
state = {k: torch.frombuffer(data[v["data_offsets"][0]:v["data_offsets"][1]], dtype=torch.float32).reshape(v["shape"]).clone()
         for k, v in header.items()}
net = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10)).eval()
net.load_state_dict(state)
app = Flask(__name__)

@app.get("/v2/health/ready")
def ready():
    return jsonify(ready=True)

@app.post("/v2/models/mlp/infer")
def infer():
    body = request.get_json()
    tensor = body["inputs"][0]
    rows, width = tensor["shape"]
    if width != 64 or len(tensor["data"]) != rows * width:
        return jsonify(error="bad shape"), 400
    with torch.no_grad():
        out = net(torch.tensor(tensor["data"], dtype=torch.float32).reshape(rows, width))
    return jsonify(model_name="mlp", model_version="1",
                   outputs=[{"name": "output", "datatype": "FP32", "shape": [rows, 10], "data": out.reshape(-1).tolist()}])
PY

./scripts/kiln --version >/dev/null   # build once, outside the timings
kiln_cmd=(./scripts/kiln serve "$work/mlp" --port)

# The open-loop generator (Release).
dotnet build tests/Kiln.Benchmarks.Serve -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
loadgen=(dotnet tests/Kiln.Benchmarks.Serve/bin/Release/net10.0/Kiln.Benchmarks.Serve.dll)

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_ready() { # url name log
  for _ in $(seq 1 600); do curl -sf "$1/v2/health/ready" >/dev/null && return 0; sleep 0.1; done
  echo "bench: $2 did not become ready within 60 s; its log:" >&2; tail -20 "$3" >&2; exit 1
}
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open(os.getenv("BODY_FILE"), "rb")); wrk.body = f:read("*a"); f:close()
LUA
to_ms() { # wrk latency like 85.00us / 1.20ms / 1.02s -> ms
  local v=$1
  case $v in *us) echo "${v%us} / 1000" | bc -l ;; *ms) echo "${v%ms}" ;; *s) echo "${v%s} * 1000" | bc -l ;; esac
}
run_wrk() { # url connections rows seconds -> "reqs p50 p99 errors"
  local threads=$(( $2 < 2 ? 1 : 2 )) out
  out=$(BODY_FILE="$work/body$3.json" wrk -t"$threads" -c"$2" -d"$4"s --latency -s "$work/post.lua" "$1/v2/models/mlp/infer")
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out"); p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); errors=${errors:-0}
  printf '%s %s %s %s\n' "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$errors"
}

scenarios=("1 1" "8 1" "64 1" "8 32")
declare -A result
bench_server() { # name url
  run_wrk "$2" 64 1 "$warmup_seconds" >/dev/null   # server warm-up
  for s in "${scenarios[@]}"; do
    read -r conns rows <<<"$s"
    run_wrk "$2" "$conns" "$rows" 1 >/dev/null   # warm-up
    result["$1 $s"]=$(run_wrk "$2" "$conns" "$rows" "$duration")
  done
}

# overload name url peak-rps -> "offered served served% rejected p50ok p99ok p50rej p99rej lag_p99 other+errors"
overload() {
  local rate out
  rate=$(printf '%.0f' "$(echo "2 * $3" | bc -l)")
  out=$("${loadgen[@]}" load "$2/v2/models/mlp/infer" "$work/body1.json" "$rate" "$overload_seconds" 1024 2)
  awk -v rate="$rate" -v peak="$3" '{ for (i = 1; i < NF; i += 2) v[$i] = $(i + 1)
    printf "%d %.0f %.1f %d %.2f %.2f %.2f %.2f %.1f %d\n", rate, v["ok_rps"], 100 * v["ok_rps"] / peak, v["rejected"],
      v["ok_p50"], v["ok_p99"], v["rej_p50"], v["rej_p99"], v["lag_p99"], v["other"] + v["errors"] }' <<<"$out"
}
rss_mb() { awk '/^VmRSS:/ {printf "%.1f\n", $2 / 1024}' "/proc/$1/status"; }
# soak url pid peak-rps -> "rate start_mb end_mb max_mb ok_rps p99 failures"
soak() {
  local rate start_mb end_mb max_mb mb gen out
  rate=$(printf '%.0f' "$(echo "$soak_load * $3" | bc -l)")
  "${loadgen[@]}" load "$1/v2/models/mlp/infer" "$work/body1.json" "$rate" 10 64 >/dev/null   # warm-up
  start_mb=$(rss_mb "$2"); max_mb=$start_mb
  "${loadgen[@]}" load "$1/v2/models/mlp/infer" "$work/body1.json" "$rate" "$soak_seconds" 64 >"$work/soak.out" & gen=$!
  while kill -0 "$gen" 2>/dev/null; do
    sleep 10; mb=$(rss_mb "$2"); echo "$mb" >>"$work/soak.rss"
    if (( $(echo "$mb > $max_mb" | bc -l) )); then max_mb=$mb; fi
  done
  wait "$gen"
  end_mb=$(rss_mb "$2")
  out=$(cat "$work/soak.out")
  awk -v rate="$rate" -v s="$start_mb" -v e="$end_mb" -v m="$max_mb" '{ for (i = 1; i < NF; i += 2) v[$i] = $(i + 1)
    printf "%d %s %s %s %.0f %.2f %d\n", rate, s, e, m, v["ok_rps"], v["ok_p99"], v["rejected"] + v["other"] + v["errors"] }' <<<"$out"
}

kiln_port=$(free_port)
"${kiln_cmd[@]}" "$kiln_port" >"$work/kiln.log" 2>&1 & pids+=($!)
wait_ready "http://127.0.0.1:$kiln_port" kiln "$work/kiln.log"
# Same answer from both servers before timing anything.
kiln_out=$(curl -sf -H 'Content-Type: application/json' --data-binary @"$work/body1.json" "http://127.0.0.1:$kiln_port/v2/models/mlp/infer")
bench_server kiln "http://127.0.0.1:$kiln_port"
read -r kiln_peak _ <<<"${result["kiln 64 1"]}"
if (( soak_seconds > 0 )); then
  kiln_soak=$(soak "http://127.0.0.1:$kiln_port" "${pids[0]}" "$kiln_peak")
fi
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true

# Overload: a fresh server with a smaller queue bound, and its own c=64 peak measured just before.
kiln_port=$(free_port)
"${kiln_cmd[@]}" "$kiln_port" --max-queue-size "$overload_queue" >"$work/kiln-overload.log" 2>&1 & pids+=($!)
wait_ready "http://127.0.0.1:$kiln_port" "kiln (overload)" "$work/kiln-overload.log"
run_wrk "http://127.0.0.1:$kiln_port" 64 1 "$warmup_seconds" >/dev/null   # server warm-up
read -r kiln_host_peak _ <<<"$(run_wrk "http://127.0.0.1:$kiln_port" 64 1 "$duration")"
kiln_overload=$(overload kiln "http://127.0.0.1:$kiln_port" "$kiln_host_peak")
kill "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true

flask_port=$(free_port)
gunicorn -w "$flask_workers" -b "127.0.0.1:$flask_port" --chdir "$work" --log-level warning flask_app:app >"$work/flask.log" 2>&1 & pids+=($!)
wait_ready "http://127.0.0.1:$flask_port" flask "$work/flask.log"
flask_out=$(curl -sf -H 'Content-Type: application/json' --data-binary @"$work/body1.json" "http://127.0.0.1:$flask_port/v2/models/mlp/infer")
/usr/bin/python3 - "$kiln_out" "$flask_out" <<'PY'
import json, sys
k, f = (json.loads(a)["outputs"][0]["data"] for a in sys.argv[1:3])
diff = max(abs(a - b) for a, b in zip(k, f))
print(f"same model check: max |kiln - flask| = {diff:.2e} over {len(k)} outputs")
sys.exit(0 if diff < 1e-4 and len(k) == len(f) == 10 else 1)
PY
bench_server flask "http://127.0.0.1:$flask_port"
read -r flask_peak _ <<<"${result["flask 64 1"]}"
flask_overload=$(overload flask "http://127.0.0.1:$flask_port" "$flask_peak")

echo "duration ${duration} s per scenario; flask: gunicorn $flask_workers sync workers, torch 1 thread each"
printf '%-22s | %-32s | %-32s | %s\n' "scenario" "kiln req/s  p50 ms  p99 ms  err" "flask req/s  p50 ms  p99 ms  err" "ratio"
total_kiln=0 total_flask=0
for s in "${scenarios[@]}"; do
  read -r conns rows <<<"$s"
  read -r krps kp50 kp99 kerr <<<"${result["kiln $s"]}"
  read -r frps fp50 fp99 ferr <<<"${result["flask $s"]}"
  printf '%-22s | %10.0f %7.2f %7.2f %5s | %11.0f %7.2f %7.2f %5s | %.2f\n' "$rows row(s), c=$conns" \
    "$krps" "$kp50" "$kp99" "$kerr" "$frps" "$fp50" "$fp99" "$ferr" "$(echo "$krps / $frps" | bc -l)"
  total_kiln=$(echo "$total_kiln + $krps" | bc -l); total_flask=$(echo "$total_flask + $frps" | bc -l)
done
printf '\noverload, open loop at 2x the c=64 peak for %s s, 1024 connections; kiln: kiln serve --max-queue-size %s,\n' "$overload_seconds" "$overload_queue"
printf 'peak %.0f req/s (wrk c=64, measured just before); flask: peak %.0f req/s from the c=64 scenario\n' "$kiln_host_peak" "$flask_peak"
printf 'latencies from send; client lag = due time to send (the generator short of connections or CPU)\n'
printf '%-6s | %13s | %10s | %6s | %8s | %-17s | %-17s | %12s | %s\n' server "offered req/s" "served r/s" "% peak" "503s" "2xx p50/p99 ms" "503 p50/p99 ms" "lag p99 ms" "other/errors"
for name in kiln flask; do
  var=${name}_overload
  read -r offered served pct rejected p50 p99 r50 r99 lag99 other <<<"${!var}"
  printf '%-6s | %13s | %10s | %5s%% | %8s | %7.2f / %7.2f | %7.2f / %7.2f | %12s | %s\n' "$name" "$offered" "$served" "$pct" "$rejected" "$p50" "$p99" "$r50" "$r99" "$lag99" "$other"
done
if (( soak_seconds > 0 )); then
  read -r rate start_mb end_mb max_mb served p99 failures <<<"$kiln_soak"
  printf '\nsoak, kiln serve, %s s open loop at %s req/s (%s x peak): served %s req/s, p99 %.2f ms, %s non-2xx/errors\n' \
    "$soak_seconds" "$rate" "$soak_load" "$served" "$p99" "$failures"
  printf 'kiln RSS: start %s MB (after 10 s warm-up), end %s MB, max %s MB, growth %.1f MB; samples every 10 s: %s\n' \
    "$start_mb" "$end_mb" "$max_mb" "$(echo "$end_mb - $start_mb" | bc -l)" "$(paste -sd' ' "$work/soak.rss")"
fi
n=${#scenarios[@]}
mean_kiln=$(echo "$total_kiln / $n" | bc -l); mean_flask=$(echo "$total_flask / $n" | bc -l)
printf 'speedup: %s (kiln %.0f req/s, flask %.0f req/s)\n' "$(ratio "$mean_flask" "$mean_kiln")" "$mean_kiln" "$mean_flask"
