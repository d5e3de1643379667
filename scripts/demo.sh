#!/usr/bin/env bash
# The main job on a bundled example: Groth16 prove + verify of a ~2^16-constraint circom circuit (a squaring chain,
# compiled with circom2 and set up with snarkjs once, then cached in tests/fixtures/cache/), with a timing breakdown;
# snarkjs then verifies our proof too. The example's powers of tau come from ../shared/peers (known tau: demo only).
# Usage: bash scripts/demo.sh [--backend cpu|cuda|opencl|auto]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
dotnet build src/Hosts/Proving.Cli -c Release --nologo --verbosity quiet
proving() { dotnet src/Hosts/Proving.Cli/bin/Release/net10.0/proving.dll "$@"; }
echo "== example circuit (generated on first run, then cached)"
dir=$(bash tests/fixtures/generate.sh example | tail -1)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "== proving groth16 prove ($dir)"
proving groth16 prove "$dir/circuit.zkey" "$dir/witness.wtns" "$out/proof.json" "$out/public.json" --verbose "$@"
echo "== proving groth16 verify"
proving groth16 verify "$dir/verification_key.json" "$out/public.json" "$out/proof.json"
echo "== snarkjs groth16 verify (peer)"
tools/node_modules/.bin/snarkjs groth16 verify "$dir/verification_key.json" "$out/public.json" "$out/proof.json"
