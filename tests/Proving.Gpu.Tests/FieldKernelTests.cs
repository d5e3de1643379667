using System.Runtime.InteropServices;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Xunit.Abstractions;

namespace Proving.Gpu.Tests;

/// <summary>
/// The field core (native/kernels/field_impl.h) against Proving.Core's CPU field on random vectors with edge values
/// (0, 1, p - 1, p - 2, 2^k), at several sizes, on every runtime. One shared class per field.
/// </summary>
[Collection(GpuTargets.Collection)]
public abstract class FieldKernelTests<T>(ITestOutputHelper output) where T : unmanaged, IPrimeField<T>
{
    private readonly string _prefix = typeof(T).Name.ToLowerInvariant();

    public static TheoryData<string, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var rt in new[] { "opencl", "cuda" })
                foreach (var n in new[] { 1, 5, 256, 1000, 4099 })
                    data.Add(rt, n);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Add(string runtime, int n) => Binary(runtime, n, "add", (a, b) => a + b);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sub(string runtime, int n) => Binary(runtime, n, "sub", (a, b) => a - b);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mul(string runtime, int n) => Binary(runtime, n, "mul", (a, b) => a * b);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Square(string runtime, int n) => Unary(runtime, n, "sqr", a => a * a);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Negate(string runtime, int n) => Unary(runtime, n, "neg", a => -a);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Inverse(string runtime, int n) => Unary(runtime, n, "inv", a => a.IsZero ? T.Zero : a.Inverse());

    private void Binary(string runtime, int n, string op, Func<T, T, T> reference)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        var a = Inputs(n, seed: n * 31 + op.Length);
        var b = Inputs(n, seed: n * 17 + 3);
        Array.Reverse(b);   // pair edge values with random ones as well as with each other
        var expected = new T[n];
        for (int i = 0; i < n; i++) expected[i] = reference(a[i], b[i]);
        using var da = ctx.Upload<T>(a);
        using var db = ctx.Upload<T>(b);
        using var dr = ctx.Allocate(32L * n);
        ctx.Launch(ctx.Module("vecops.c").Kernel($"{_prefix}_vec_{op}"), n, 0, dr, da, db, (ulong)n);
        Check(ctx, dr, expected, a, b, op);
    }

    private void Unary(string runtime, int n, string op, Func<T, T> reference)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        var a = Inputs(n, seed: n * 7 + op.Length);
        var expected = a.Select(reference).ToArray();
        using var da = ctx.Upload<T>(a);
        using var dr = ctx.Allocate(32L * n);
        ctx.Launch(ctx.Module("vecops.c").Kernel($"{_prefix}_vec_{op}"), n, 0, dr, da, (ulong)n);
        Check(ctx, dr, expected, a, a, op);
    }

    private static void Check(GpuContext ctx, GpuBuffer result, T[] expected, T[] a, T[] b, string op)
    {
        var actual = new T[expected.Length];
        ctx.Download<T>(result, actual);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(expected[i].Equals(actual[i]),
                $"{typeof(T).Name} {op} on {ctx.Device.Name}, element {i}: {a[i]} , {b[i]} -> expected {expected[i]}, got {Hex(actual[i])} (raw Montgomery limbs)");
    }

    /// <summary>The element whose raw Montgomery limbs are <paramref name="limbs"/> (below p).</summary>
    private static T Raw(System.Numerics.BigInteger limbs)
    {
        var bytes = new byte[32];
        limbs.TryWriteBytes(bytes, out _, isUnsigned: true);
        return MemoryMarshal.Read<T>(bytes);
    }

    private static string Hex(T v) => Convert.ToHexString(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in v)));

    /// <summary>Edge values first (0, 1, p - 1, p - 2, 2, 2^32, 2^64, 2^128, 2^253; then elements whose Montgomery limbs
    /// are p - 1, 2^253 - 1 and 2^32 - 1, the largest words the carry chains see), then random elements.</summary>
    internal static T[] Inputs(int n, int seed)
    {
        var p = T.Modulus;
        var one = System.Numerics.BigInteger.One;
        var edges = new[] { T.Zero, T.One, T.FromBigInteger(p - 1), T.FromBigInteger(p - 2), T.FromUInt64(2),
            T.FromBigInteger(one << 32), T.FromBigInteger(one << 64), T.FromBigInteger(one << 128), T.FromBigInteger(one << 253),
            Raw(p - 1), Raw((one << 253) - 1), Raw((one << 32) - 1) };
        var rng = new Random(seed);
        var values = new T[n];
        for (int i = 0; i < n; i++) values[i] = i < edges.Length ? edges[i] : T.Random(rng);
        return values;
    }
}

[Collection(GpuTargets.Collection)]
public sealed class FrKernelTests(ITestOutputHelper output) : FieldKernelTests<Fr>(output);

[Collection(GpuTargets.Collection)]
public sealed class FqKernelTests(ITestOutputHelper output) : FieldKernelTests<Fq>(output);
