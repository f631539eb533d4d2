# Shared helpers for the benchmark scripts (sourced, not run).
# Each benchmark runs Kiln and the reference tool in the same run, on the same machine, and prints one final line:
#   speedup: S (kiln A <unit>, <reference> B <unit>)      S > 1 means Kiln is faster.

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# now: wall-clock seconds with nanoseconds.
now() { date +%s.%N; }

# best_of N cmd...: runs the command N times and prints the fastest wall time in seconds.
best_of() {
  local n=$1; shift
  local best=""
  for ((i = 0; i < n; i++)); do
    local t0 t1 dt
    t0=$(now)
    "$@" >/dev/null 2>&1 || { echo "bench: command failed: $*" >&2; return 1; }
    t1=$(now)
    dt=$(echo "$t1 - $t0" | bc -l)
    if [[ -z "$best" ]] || (( $(echo "$dt < $best" | bc -l) )); then best=$dt; fi
  done
  printf '%.3f\n' "$best"
}

# ratio A B: B / A with 2 decimals.
ratio() { printf '%.2f\n' "$(echo "$2 / $1" | bc -l)"; }

# ipynb_code_cells FILE KERNEL LANGUAGE CELL...: writes a minimal nbformat 4.5 notebook with the given code cells.
ipynb_code_cells() {
  local file=$1 kernel=$2 language=$3; shift 3
  /usr/bin/python3 - "$file" "$kernel" "$language" "$@" <<'PY'
import sys, nbformat
path, kernel, language, *cells = sys.argv[1:]
nb = nbformat.v4.new_notebook()
nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": language}
nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
nbformat.write(nb, path)
PY
}
