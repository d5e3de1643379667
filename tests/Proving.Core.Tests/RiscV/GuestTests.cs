using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Proving.Core.RiscV;

namespace Proving.Core.Tests.RiscV;

/// <summary>The C guests against .NET SHA-256, BouncyCastle's Keccak-256, a C# reimplementation of the heavy guest,
/// and qemu-riscv32 as a reference peer (same stdout, same exit code).</summary>
public class GuestTests
{
    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private static byte[] Keccak256(byte[] data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }

    private static IEnumerable<byte[]> RandomInputs(int seed)
    {
        var rng = new Random(seed);
        // Lengths around the block sizes (64 for SHA-256, 136 for Keccak-256) and a few large ones.
        int[] lengths = [0, 1, 55, 56, 63, 64, 65, 119, 135, 136, 137, 271, 272, 1000, rng.Next(1, 5000), TestScale.Pick(20_000, 200_000)];
        foreach (var n in lengths)
        {
            var data = new byte[n];
            rng.NextBytes(data);
            yield return data;
        }
    }

    [Fact]
    public void Sha256MatchesDotNet()
    {
        foreach (var input in RandomInputs(1))
        {
            var result = RiscVExecutor.Run(Guests.Load("sha256"), input);
            var expected = SHA256.HashData(input);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(Hex(expected), Hex(result.Journal));
            Assert.Equal(Hex(expected) + "\n", Encoding.ASCII.GetString(result.Stdout));
        }
    }

    [Fact]
    public void Keccak256MatchesBouncyCastle()
    {
        foreach (var input in RandomInputs(2))
        {
            var result = RiscVExecutor.Run(Guests.Load("keccak"), input);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(Hex(Keccak256(input)), Hex(result.Journal));
        }
    }

    [Fact]
    public void FibonacciMatchesCSharp()
    {
        foreach (uint n in new uint[] { 0, 1, 2, 10, 93, 94, 1000, 12345 })
        {
            ulong a = 0, b = 1;
            for (uint i = 0; i < n; i++) (a, b) = (b, unchecked(a + b));
            var result = RiscVExecutor.Run(Guests.Load("fib"), BitConverter.GetBytes(n));
            Assert.Equal(a, BitConverter.ToUInt64(result.Journal));
            Assert.Equal($"fib({n}) = {a}\n", Encoding.ASCII.GetString(result.Stdout));
        }
    }

    [Fact]
    public void SelfTestGuestPasses()
    {
        var result = RiscVExecutor.Run(Guests.Load("selftest"), Array.Empty<byte>());
        Assert.Equal("selftest: 0 failures\n", Encoding.ASCII.GetString(result.Stdout));
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void HeavyMatchesCSharp()
    {
        uint count = (uint)TestScale.Pick(20_000, 100_000);
        foreach (uint seed in new uint[] { 0, 12345 })
        {
            var result = RiscVExecutor.Run(Guests.Load("heavy"), Guests.HeavyInput(seed, count));
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(Hex(Guests.HeavyExpected(seed, count)), Hex(result.Journal));
        }
    }

    public static TheoryData<string, byte[]> QemuCases()
    {
        var rng = new Random(3);
        var random = new byte[3000];
        rng.NextBytes(random);
        return new()
        {
            { "fib", BitConverter.GetBytes(777u) },
            { "sha256", random },
            { "keccak", random },
            { "selftest", [] },
            { "heavy", Guests.HeavyInput(99, 5000) },
        };
    }

    [Theory]
    [MemberData(nameof(QemuCases))]
    public void SameStdoutAndExitCodeAsQemu(string guest, byte[] input)
    {
        var ours = RiscVExecutor.Run(Guests.Load(guest), input);
        var (exitCode, stdout) = Guests.Qemu(guest, input);
        Assert.Equal(exitCode, ours.ExitCode);
        Assert.Equal(Encoding.ASCII.GetString(stdout), Encoding.ASCII.GetString(ours.Stdout));
        Assert.NotEmpty(stdout);
    }
}
