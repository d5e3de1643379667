# RISC-V area: the guest toolchain (Debian's bare-metal GCC, whose multilibs include rv32im/ilp32) and
# qemu-riscv32 (the reference peer in tests), then the guest ELFs in native/guests/build/ (rebuilt only when stale).
command -v riscv64-unknown-elf-gcc >/dev/null 2>&1 || apt_install gcc-riscv64-unknown-elf
command -v qemu-riscv32 >/dev/null 2>&1 || apt_install qemu-user
bash native/guests/build.sh
