#!/usr/bin/env bash
# Mock prover with the orchestrator demo's contract (spec A.4/A.5):
#   mock-prover.sh --input-path IN --output-path OUT
# reads a bare block number from IN, sleeps, writes {"block":N,"proof":"0xff","prover":"<name>"} to OUT.
# Environment: MOCK_PROVER_NAME (default mock-prover), MOCK_PROVER_SLEEP (seconds, default 1),
# MOCK_PROVER_MODE: ok (default) | crash (exit 101, no output) | hang (sleep forever) | garbage (exit 0, non-JSON output),
# MOCK_PROVER_CRASH_ON / MOCK_PROVER_HANG_ON / MOCK_PROVER_GARBAGE_ON: space-separated block numbers that get that mode,
# MOCK_PROVER_LOG: when set, appends "<block> <name>" per successful proof (lets tests count proofs).
set -u
in="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --input-path) in="$2"; shift 2 ;;
    --output-path) out="$2"; shift 2 ;;
    *) echo "error: unexpected argument '$1'" >&2; exit 2 ;;
  esac
done
[ -n "$in" ] && [ -n "$out" ] || { echo "error: --input-path and --output-path are required" >&2; exit 2; }
echo "Running prover."
block="$(cat -- "$in")" || { echo "Prover failure: cannot read $in" >&2; exit 1; }
[[ "$block" =~ ^[0-9]{1,20}$ ]] || { echo "Prover failure: input is not a block number: '$block'" >&2; exit 1; }
name="${MOCK_PROVER_NAME:-mock-prover}"
mode="${MOCK_PROVER_MODE:-ok}"
for m in crash hang garbage; do
  var="MOCK_PROVER_${m^^}_ON"
  [[ " ${!var:-} " == *" $block "* ]] && mode="$m"
done
case "$mode" in
  crash) echo "thread 'main' panicked: mock crash on block $block" >&2; exit 101 ;;
  hang) exec sleep 100000 ;;
  garbage) sleep "${MOCK_PROVER_SLEEP:-1}"; printf 'this is not json {' > "$out"; exit 0 ;;
esac
sleep "${MOCK_PROVER_SLEEP:-1}"
printf '{"block":%s,"proof":"0xff","prover":"%s"}' "$block" "$name" > "$out.tmp" && mv "$out.tmp" "$out"
[ -n "${MOCK_PROVER_LOG:-}" ] && echo "$block $name" >> "$MOCK_PROVER_LOG"
exit 0
