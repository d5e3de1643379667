using System.Buffers;

namespace Proving.Core.RiscV;

internal sealed unsafe partial class Machine
{
    /// <summary>Handles ECALL (see <see cref="Syscalls"/>): the number in a7, arguments in a0..a5, result in a0.
    /// <paramref name="cycles"/> is the count of instructions retired before this ECALL. Returns true on exit.</summary>
    private bool Syscall(long cycles)
    {
        uint* x = X;
        switch (x[17])
        {
            case Syscalls.Exit:
            case Syscalls.ExitGroup:
                Exited = true;
                ExitCode = (int)x[10];
                return true;
            case Syscalls.Read:
                {
                    if (x[10] != 0)
                    {
                        x[10] = unchecked((uint)-Syscalls.EBADF);
                        break;
                    }
                    int n = (int)Math.Min(x[12], (uint)(Input.Length - InputPosition));
                    Memory.Write(x[11], Input.Span.Slice(InputPosition, n));
                    RedecodeRange(x[11], n);
                    InputPosition += n;
                    x[10] = (uint)n;
                    break;
                }
            case Syscalls.Write:
                {
                    var sink = x[10] switch { 1 => Stdout, 2 => Stderr, _ => null };
                    if (sink is null)
                    {
                        x[10] = unchecked((uint)-Syscalls.EBADF);
                        break;
                    }
                    CopyOut(sink, x[11], x[12], cycles);
                    break;
                }
            case Syscalls.Commit:
                CopyOut(Journal, x[10], x[11], cycles);
                x[10] = 0;
                break;
            case Syscalls.CycleCount:
                x[10] = (uint)cycles;
                x[11] = (uint)((ulong)cycles >> 32);
                break;
            default:
                x[10] = unchecked((uint)-Syscalls.ENOSYS);
                break;
        }
        return false;
    }

    /// <summary>Copies <paramref name="length"/> bytes of guest memory at <paramref name="address"/> to a sink, in chunks;
    /// a0 becomes the length (the write succeeds in full or the output limit is exceeded).</summary>
    private void CopyOut(OutputSink sink, uint address, uint length, long cycles)
    {
        if (!sink.Fits(length)) throw new MemoryLimitExceededException(sink.Name, sink.Limit, Pc, cycles);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, 1u << 16));
        try
        {
            for (uint done = 0; done < length;)
            {
                int n = (int)Math.Min(length - done, (uint)buffer.Length);
                Memory.Read(address + done, buffer.AsSpan(0, n));
                sink.Append(buffer.AsSpan(0, n));
                done += (uint)n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        X[10] = length;
    }
}

/// <summary>The guest syscall ABI: <c>ECALL</c> with the number in a7 (x17), arguments in a0..a5 (x10..x15), result in
/// a0. Numbers follow the Linux RISC-V (asm-generic) table where one exists, so the same ELF runs under
/// <c>qemu-riscv32</c>; Proving's own numbers start at 0x1000. Unknown numbers return -ENOSYS (-38) in a0.</summary>
public static class Syscalls
{
    /// <summary>read(fd, buf, count) = 63: fd 0 reads the private input (returns the bytes copied, 0 at the end);
    /// other fds return -EBADF.</summary>
    public const uint Read = 63;

    /// <summary>write(fd, buf, count) = 64: fd 1 is stdout, fd 2 stderr; returns count. Other fds return -EBADF.</summary>
    public const uint Write = 64;

    /// <summary>exit(code) = 93: stops the guest with exit code a0.</summary>
    public const uint Exit = 93;

    /// <summary>exit_group(code) = 94: same as <see cref="Exit"/>.</summary>
    public const uint ExitGroup = 94;

    /// <summary>commit(buf, len) = 0x1000 (Proving): appends len bytes at buf to the journal (the public output); returns 0.</summary>
    public const uint Commit = 0x1000;

    /// <summary>cycle_count() = 0x1001 (Proving): a0 / a1 = low / high 32 bits of the instructions retired before this ECALL.</summary>
    public const uint CycleCount = 0x1001;

    /// <summary>Linux errno EBADF (bad file descriptor), returned negated.</summary>
    public const int EBADF = 9;

    /// <summary>Linux errno ENOSYS (no such syscall), returned negated.</summary>
    public const int ENOSYS = 38;
}
