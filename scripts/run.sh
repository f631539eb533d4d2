#!/usr/bin/env bash
# The main job: executes the workflow notebooks (notebooks/01-… onwards, in order) headlessly with `kiln run`, and
# writes executed notebooks, HTML renderings, a JUnit report and a summary to artifacts/. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

./scripts/setup-deps.sh
mapfile -t notebooks < <(find notebooks -maxdepth 1 -name '[0-9][0-9]-*.ipynb' | sort)
if [[ ${#notebooks[@]} -eq 0 ]]; then
  echo "run.sh: no workflow notebooks found under notebooks/." >&2
  exit 2
fi

rm -rf artifacts/executed artifacts/html artifacts/junit.xml artifacts/summary.md
mkdir -p artifacts
status=0
./scripts/kiln run "${notebooks[@]}" --output artifacts/executed --html artifacts/html \
  --junit artifacts/junit.xml --summary artifacts/summary.md --cell-timeout 600 || status=$?

echo
echo "run.sh: executed notebooks in artifacts/executed/, HTML in artifacts/html/, report in artifacts/summary.md"
exit $status
