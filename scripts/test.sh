#!/usr/bin/env bash
# The whole test suite: native deps, restore, build, every test project.
# Ends with exactly one line "Tests: N passed, N failed, N skipped" and exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

./scripts/setup-deps.sh || { echo "test.sh: native dependencies missing (see above)." >&2; echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

echo "==> build (Release)"
if ! dotnet build Kernel.sln -c Release -nologo -v minimal -clp:ErrorsOnly; then
  echo "test.sh: build failed." >&2
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "==> test"
dotnet test Kernel.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" \
  --blame-hang --blame-hang-timeout 10m -- RunConfiguration.TreatNoTestsAsError=false
status=$?

# Sum the counters of every TRX file (one per test project).
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [[ -e "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  # Skipped tests are reported as total minus executed (the TRX notExecuted counter stays 0 for xunit skips).
  skipped=$((skipped + $(get total) - $(get executed)))
done

if [[ $status -ne 0 && $failed -eq 0 ]]; then
  echo "test.sh: dotnet test exited with $status but no test reported a failure (a test host crashed or hung?)." >&2
  failed=1
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
[[ $status -eq 0 && $failed -eq 0 ]]
