#!/usr/bin/env bash
# Installs the Debian packages Kiln needs, only those missing. Idempotent.
# As root it runs apt-get; otherwise it prints the exact command to run.
#   scripts/setup-deps.sh            runtime + test dependencies
#   scripts/setup-deps.sh --golden   also PyTorch and scikit-learn (regenerating golden fixtures, benchmarks)
set -euo pipefail

runtime=(libopenblas0-pthread libzmq5 ocl-icd-libopencl1 pocl-opencl-icd libclblast1)
testing=(chromium python3-nbformat python3-nbclient python3-jupyter-client python3-ipykernel jupyter-nbconvert)
golden=(python3-torch python3-sklearn python3-pandas python3-numpy python3-flask gunicorn wrk bc)

wanted=("${runtime[@]}" "${testing[@]}")
if [[ "${1:-}" == "--golden" ]]; then wanted+=("${golden[@]}"); fi

missing=()
# Kiln.Charts runs `npm ci` at build time for plotly.js; a machine that already has npm (any source) is fine.
command -v npm >/dev/null 2>&1 || wanted+=(nodejs npm)
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup-deps: all ${#wanted[@]} Debian packages present."
  exit 0
fi

cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
if [[ $(id -u) -ne 0 ]]; then
  echo "setup-deps: missing Debian packages: ${missing[*]}" >&2
  echo "setup-deps: run as root:  apt-get update && ${cmd[*]}" >&2
  exit 1
fi

echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
"${cmd[@]}" >/tmp/kiln-setup-deps.log 2>&1 || { tail -n 30 /tmp/kiln-setup-deps.log >&2; exit 1; }
echo "setup-deps: done."
