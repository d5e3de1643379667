#!/usr/bin/env bash
# Stand-in external prover for the `command` backend tests. It is invoked as
#   test-prover.sh [--started FILE] [--wait-for FILE] [--fail] --input-path IN --output-path OUT
# and writes a proof that depends on the input: the SHA-256 digest of IN as the calldata bytes of a
# BatchProof (G7/G8) or as the journal of a G0-style receipt [ {"journal":[...]}, [image id] ].
set -euo pipefail
in="" out="" started="" wait_for="" fail=""
while [ $# -gt 0 ]; do
  case "$1" in
    --input-path) in="$2"; shift 2 ;;
    --output-path) out="$2"; shift 2 ;;
    --started) started="$2"; shift 2 ;;
    --wait-for) wait_for="$2"; shift 2 ;;
    --fail) fail=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 64 ;;
  esac
done
[ -n "$in" ] && [ -n "$out" ] || { echo "need --input-path and --output-path" >&2; exit 64; }
[ -n "$started" ] && echo "${PROVING_ETHREX_BATCH}" >> "$started"
if [ -n "$wait_for" ]; then
  for _ in $(seq 1 1200); do [ -e "$wait_for" ] && break; sleep 0.05; done
fi
[ -n "$fail" ] && { echo "test prover asked to fail" >&2; exit 3; }
bytes=$(sha256sum "$in" | cut -c1-64 | fold -w2 | while read -r h; do printf '%d,' "0x$h"; done)
bytes=${bytes%,}
if [ "${PROVING_ETHREX_PROTOCOL}" = "G0" ]; then
  printf '[{"journal":[%s]},[1,2,3,4,5,6,7,8]]' "$bytes" > "$out"
else
  printf '{"ProofCalldata":{"prover_type":"%s","calldata":[{"Bytes":[%s]}]}}' "${PROVING_ETHREX_PROVER_TYPE}" "$bytes" > "$out"
fi
