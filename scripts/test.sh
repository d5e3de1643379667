#!/usr/bin/env bash
# Runs every test suite of the solution and prints one summary line: "Tests: N passed, N failed, N skipped".
# Installs what it needs first (scripts/install.sh). Extra arguments go to `dotnet test`
# (e.g. --filter "Category!=Slow"). PROVING_TEST_SCALE=small|full sizes the Slow category (CI: small).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh || { echo "install failed"; exit 1; }
log=$(mktemp)
dotnet build Proving.sln -c Release --nologo --verbosity quiet || { echo "Tests: 0 passed, 1 failed (build failed)"; exit 1; }
dotnet test Proving.sln -c Release --no-build --nologo --blame-hang-timeout 10m "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# The arithmetic again with the JIT's hardware intrinsics off (BMI2/AVX paths fall back to portable code), and the
# MSM bucket reductions and precompute preparation (lane XYZZ, reduction and slice tests: the scalar fallbacks).
DOTNET_EnableHWIntrinsic=0 dotnet test tests/Proving.Core.Tests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~Proving.Core.Tests.Algebra|FullyQualifiedName~Proving.Core.Tests.Ntt|FullyQualifiedName~LaneXyzzTests|FullyQualifiedName~BucketReduction|FullyQualifiedName~AccumulatorsWithLaneReduction|FullyQualifiedName~LaneSliceTests" 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -ne 0 ] && rc=1
# Sum the per-assembly lines "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T".
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- +Failed:' "$log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
[ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1   # a crash or build error counts as a failure
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$rc"
