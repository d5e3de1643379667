# Guest start-up: set gp and sp, call main(), pass its result to exit (ECALL 93).
# .bss is not cleared here: ELF loaders (the Proving executor, qemu-riscv32) zero p_memsz beyond p_filesz.
    .section .text.start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    call main
    li a7, 93
    ecall
3:  j 3b
