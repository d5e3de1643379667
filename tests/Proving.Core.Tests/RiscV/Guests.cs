using System.Diagnostics;
using Proving.Core.RiscV;

namespace Proving.Core.Tests.RiscV;

/// <summary>The guest ELF files that scripts/install.d/30-riscv.sh builds into native/guests/build, and qemu-riscv32.</summary>
internal static class Guests
{
    public static string Path(string name)
    {
        var path = System.IO.Path.Combine(RepoPaths.Root, "native", "guests", "build", name + ".elf");
        if (!File.Exists(path)) throw new FileNotFoundException($"guest {name}.elf is not built; run scripts/install.sh (native/guests/build.sh)", path);
        return path;
    }

    private static readonly Dictionary<string, RiscVProgram> Cache = [];

    public static RiscVProgram Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var program)) Cache[name] = program = RiscVProgram.LoadFile(Path(name));
            return program;
        }
    }

    /// <summary>Runs the guest under qemu-riscv32 with <paramref name="input"/> on stdin; returns (exit code, stdout).</summary>
    public static (int ExitCode, byte[] Stdout) Qemu(string name, byte[] input)
    {
        var start = new ProcessStartInfo(RepoPaths.OnPath("qemu-riscv32"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path(name));
        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"qemu-riscv32 {name} did not finish in 60 s");
        }
        copy.Wait();
        _ = errors.Result;
        return (process.ExitCode, output.ToArray());
    }

    /// <summary>The heavy guest's result computed in C#: xorshift32 words, sorted, SHA-256 of their little-endian bytes.</summary>
    public static byte[] HeavyExpected(uint seed, uint count)
    {
        var words = new uint[count];
        uint x = seed == 0 ? 1 : seed;
        for (int i = 0; i < count; i++)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            words[i] = x;
        }
        Array.Sort(words);
        var bytes = new byte[count * 4];
        for (int i = 0; i < count; i++) BitConverter.TryWriteBytes(bytes.AsSpan(4 * i), words[i]);
        return System.Security.Cryptography.SHA256.HashData(bytes);
    }

    public static byte[] HeavyInput(uint seed, uint count)
    {
        var input = new byte[8];
        BitConverter.TryWriteBytes(input, seed);
        BitConverter.TryWriteBytes(input.AsSpan(4), count);
        return input;
    }
}
