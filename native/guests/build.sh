#!/usr/bin/env bash
# Builds the RISC-V guests (RV32IM, ilp32) into native/guests/build/<name>.elf with Debian's
# gcc-riscv64-unknown-elf. Idempotent: a guest is rebuilt only when a source is newer than its ELF.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/build"
cc="${RISCV_CC:-riscv64-unknown-elf-gcc}"
mkdir -p "$out"
flags=(-march=rv32im -mabi=ilp32 -O2 -g0 -ffreestanding -fno-builtin -nostdlib -nostartfiles -static
       -fno-pic -fno-stack-protector -fno-strict-aliasing -Wall -Werror -I "$here/runtime" -T "$here/runtime/link.ld" -Wl,--build-id=none)
runtime=("$here/runtime/start.S" "$here/runtime/runtime.c" "$here/runtime/sha256.c")
for src in "$here"/*.c; do
  name="$(basename "$src" .c)"
  elf="$out/$name.elf"
  stale=0
  [ -f "$elf" ] || stale=1
  for dep in "$src" "${runtime[@]}" "$here/runtime/guest.h" "$here/runtime/sha256.h" "$here/runtime/link.ld" "$0"; do
    [ "$dep" -nt "$elf" ] && stale=1
  done
  [ "$stale" -eq 0 ] && continue
  echo "[guests] $name.elf" >&2
  "$cc" "${flags[@]}" -o "$elf.tmp" "${runtime[@]}" "$src" -lgcc
  mv "$elf.tmp" "$elf"
done
