#!/usr/bin/env bash
# Runs the EthProofs orchestrator pipeline locally without Docker: nats-server (JetStream), an L1 node (anvil,
# unless L1_RPC is given) and the proving-nats roles as background processes, with every log in one folder.
#
#   scripts/ethproofs-local.sh start-services      # block collector, proof collector, 3 provers (sp1, risc0, zisk), distinct consumers
#   scripts/ethproofs-local.sh start-split-work    # ... and 2 mock provers sharing CONSUMER_NAME=mock-prover
#   scripts/ethproofs-local.sh start-mock-proving  # ... and 1 mock prover with the default consumer
#   scripts/ethproofs-local.sh start-riscv-proving # ... and 1 in-process RISC-V prover (GUEST_ELF, default the sha256 guest)
#   scripts/ethproofs-local.sh status | logs [ROLE] | stop-services
#
# Environment: ETHPROOFS_DIR (state, logs, pids; default /tmp/proving-ethproofs), NATS_PORT (4223), L1_RPC (default:
# start anvil on ANVIL_PORT=8545 mining every BLOCK_TIME=2 s), NEXT_BLOCK (default: chain head), PROVING_NATS_DLL
# (default: build src/Hosts/Proving.Nats), SP1_BINARY / RISC0_BINARY / ZISK_BINARY / MOCK_BINARY (default: the mock
# prover, which sleeps like the demo's provers). stop-services removes the NATS store and the collector state
# (as `docker compose down -v` does) and keeps the logs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${ETHPROOFS_DIR:-/tmp/proving-ethproofs}"
logs="$dir/logs" pids="$dir/pids"
nats_port="${NATS_PORT:-4223}"
nats_url="nats://127.0.0.1:$nats_port"
mock="$root/src/Hosts/Proving.Nats/mock-prover.sh"

die() { echo "ethproofs-local: $*" >&2; exit 1; }

dll() {
  if [ -n "${PROVING_NATS_DLL:-}" ]; then echo "$PROVING_NATS_DLL"; return; fi
  local out="$root/src/Hosts/Proving.Nats/bin/Release/net10.0/proving-nats.dll"
  [ -f "$out" ] || dotnet build "$root/src/Hosts/Proving.Nats" -c Release --nologo --verbosity quiet >&2
  echo "$out"
}

running() { [ -f "$pids/$1.pid" ] && kill -0 "$(cat "$pids/$1.pid")" 2>/dev/null; }

# spawn NAME CMD...: starts CMD in the background (own process group), output to logs/NAME.log.
spawn() {
  local name="$1"; shift
  running "$name" && { echo "$name already running (pid $(cat "$pids/$name.pid"))"; return; }
  setsid "$@" >>"$logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$pids/$name.pid"
  echo "started $name (pid $!, log $logs/$name.log)"
}

wait_port() {
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  die "nothing listens on port $1 (see $logs)"
}

start_core() {
  mkdir -p "$logs" "$pids" "$dir/nats"
  command -v nats-server >/dev/null || die "nats-server is not installed (scripts/install.sh)"
  spawn nats-server nats-server -js -sd "$dir/nats" -a 127.0.0.1 -p "$nats_port"
  wait_port "$nats_port"
  if [ -z "${L1_RPC:-}" ]; then
    local anvil="$root/tools/node_modules/.bin/anvil"
    [ -x "$anvil" ] || die "anvil is not installed (scripts/install.sh), or set L1_RPC"
    spawn anvil "$anvil" --host 127.0.0.1 --port "${ANVIL_PORT:-8545}" --block-time "${BLOCK_TIME:-2}"
    wait_port "${ANVIL_PORT:-8545}"
    L1_RPC="http://127.0.0.1:${ANVIL_PORT:-8545}"
  fi
  echo "$L1_RPC" > "$dir/l1_rpc"
  local d; d="$(dll)"
  NATS_URL="$nats_url" dotnet "$d" init-stream >>"$logs/init-stream.log" 2>&1 || die "stream set-up failed (see $logs/init-stream.log)"
  spawn block-collector env NATS_URL="$nats_url" L1_RPC="$L1_RPC" ${NEXT_BLOCK:+NEXT_BLOCK="$NEXT_BLOCK"} \
    INPUT_QUEUE=modularorchestrator.unused OUTPUT_QUEUE=modularorchestrator.blocks dotnet "$d" block-collector
  spawn proof-collector env NATS_URL="$nats_url" STATE_PATH="$dir/proof-collector.db" \
    INPUT_QUEUE=modularorchestrator.block_proofs,modularorchestrator.blocks OUTPUT_QUEUE=modularorchestrator.completed_proofs \
    dotnet "$d" proof-collector
}

# prover NAME BINARY PROVER_NAME SLEEP [CONSUMER_NAME]
prover() {
  spawn "$1" env NATS_URL="$nats_url" INPUT_QUEUE=modularorchestrator.blocks OUTPUT_QUEUE=modularorchestrator.block_proofs \
    EXECUTOR_TYPE=JsonExecutor BINARY="$2" MOCK_PROVER_NAME="$3" MOCK_PROVER_SLEEP="$4" ${5:+CONSUMER_NAME="$5"} dotnet "$(dll)" dispatcher
}

stop_all() {
  [ -d "$pids" ] || { echo "nothing running"; return; }
  for f in "$pids"/*.pid; do
    [ -e "$f" ] || continue
    local pid; pid="$(cat "$f")"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL -- "-$pid" 2>/dev/null || true
      echo "stopped $(basename "$f" .pid)"
    fi
    rm -f "$f"
  done
  rm -rf "$dir/nats" "$dir"/proof-collector.db* "$dir/l1_rpc"
}

case "${1:-}" in
  start-services)
    start_core
    prover sp1-prover "${SP1_BINARY:-$mock}" sp1 3 sp1-prover
    prover risc0-prover "${RISC0_BINARY:-$mock}" risc0 2 risc0-prover
    prover zisk-prover "${ZISK_BINARY:-$mock}" zisk 2 zisk-prover ;;
  start-split-work)
    start_core
    prover mock-prover-1 "${MOCK_BINARY:-$mock}" mock-prover 1 mock-prover
    prover mock-prover-2 "${MOCK_BINARY:-$mock}" mock-prover 1 mock-prover ;;
  start-mock-proving)
    start_core
    prover mock-prover "${MOCK_BINARY:-$mock}" mock-prover 1 ;;
  start-riscv-proving)
    elf="${GUEST_ELF:-$root/native/guests/build/sha256.elf}"
    [ -f "$elf" ] || die "guest $elf is not built (native/guests/build.sh)"
    start_core
    spawn riscv-prover env NATS_URL="$nats_url" INPUT_QUEUE=modularorchestrator.blocks OUTPUT_QUEUE=modularorchestrator.block_proofs \
      EXECUTOR_TYPE=RiscV GUEST_ELF="$elf" CONSUMER_NAME=riscv-prover dotnet "$(dll)" dispatcher ;;
  stop-services) stop_all ;;
  status)
    for f in "$pids"/*.pid; do [ -e "$f" ] || continue; n="$(basename "$f" .pid)"
      if running "$n"; then echo "$n: running (pid $(cat "$f"))"; else echo "$n: stopped"; fi; done ;;
  logs) if [ -n "${2:-}" ]; then tail -n 50 -f "$logs/$2.log"; else tail -n 5 "$logs"/*.log; fi ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
