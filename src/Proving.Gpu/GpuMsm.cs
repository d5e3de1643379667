using System.Numerics;
using System.Runtime.InteropServices;
using Proving.Core.Curves.Bn254;

namespace Proving.Gpu;

/// <summary>
/// Multi-scalar multiplication Σ k_i·P_i over BN254 G1 on a <see cref="GpuContext"/> by Pippenger's bucket method
/// (native/kernels/msm.c): digit decomposition, a counting sort of (bucket, point) pairs, bucket accumulation and
/// per-window bucket reduction run on the device; the prefix sum of bucket sizes and the final combination of the
/// ~254/c window sums (c doublings each) run on the CPU. One thread at a time.
/// </summary>
public sealed class GpuMsm
{
    /// <summary>Bits of an Fr scalar (r &lt; 2^254).</summary>
    public const int ScalarBits = 254;

    private readonly GpuContext _ctx;

    /// <summary>Uses <paramref name="context"/> (not owned).</summary>
    public GpuMsm(GpuContext context) => _ctx = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>Copies <paramref name="points"/> to the device once, for repeated MSMs over the same bases (a proving key).</summary>
    public ResidentG1Bases UploadBases(ReadOnlySpan<G1Affine> points)
    {
        var words = new Fq[G1Layout.AffineWords * points.Length];
        G1Layout.WriteAffine(points, words);
        return new ResidentG1Bases(_ctx.Upload<Fq>(words), points.Length);
    }

    /// <summary>Σ scalars[i]·points[i]; the spans must have the same length (0 gives the identity).</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public G1Projective Msm(ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars, int windowBits = 0)
    {
        if (points.Length != scalars.Length) throw new ArgumentException($"{points.Length} points but {scalars.Length} scalars");
        if (points.Length == 0) return G1Projective.Identity;
        using var bases = UploadBases(points);
        return Msm(bases, scalars, windowBits);
    }

    /// <summary>Σ scalars[i]·bases[i] over the first scalars.Length resident bases.</summary>
    /// <param name="bases">Bases from <see cref="UploadBases"/> on this context.</param>
    /// <param name="scalars">At most bases.Count scalars.</param>
    /// <param name="windowBits">Window width c in [1, 20], or 0 for the default (about log2(n) - 3, within [4, 16]).</param>
    /// <exception cref="ArgumentException">More scalars than bases.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowBits"/> is outside [0, 20].</exception>
    public G1Projective Msm(ResidentG1Bases bases, ReadOnlySpan<Fr> scalars, int windowBits = 0)
    {
        ArgumentNullException.ThrowIfNull(bases);
        if (scalars.Length > bases.Count) throw new ArgumentException($"{scalars.Length} scalars but only {bases.Count} bases");
        ArgumentOutOfRangeException.ThrowIfNegative(windowBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowBits, 20);
        long n = scalars.Length;
        if (n == 0) return G1Projective.Identity;
        int c = windowBits > 0 ? windowBits : DefaultWindowBits(n);
        int windows = (ScalarBits + c - 1) / c;
        long bucketCount = (long)windows << c;
        var module = _ctx.Module("msm.c");

        using var ds = _ctx.Upload<Fr>(scalars);
        _ctx.Launch(module.Kernel("msm_scalars_from_mont"), n, 0, ds, (ulong)n);

        using var counts = _ctx.Allocate(4 * (bucketCount + 1));
        _ctx.Clear(counts);
        _ctx.Launch(module.Kernel("msm_count"), n * windows, 0, ds, bases.Buffer, counts, (uint)c, (uint)windows, (ulong)n);
        var offsets = new uint[bucketCount + 1];
        _ctx.Download<uint>(counts, offsets.AsSpan(0, (int)bucketCount));
        uint sum = 0;
        for (long b = 0; b < bucketCount; b++) { uint k = offsets[b]; offsets[b] = sum; sum += k; }
        offsets[bucketCount] = sum;
        _ctx.Write(counts, MemoryMarshal.AsBytes(offsets.AsSpan()));   // counts now serves as the scatter cursor

        using var dOffsets = _ctx.Upload<uint>(offsets);
        using var indices = _ctx.Allocate(4L * Math.Max(1u, sum));
        _ctx.Launch(module.Kernel("msm_scatter"), n * windows, 0, ds, bases.Buffer, counts, indices, (uint)c, (uint)windows, (ulong)n);

        using var buckets = _ctx.Allocate(96 * bucketCount);
        _ctx.Launch(module.Kernel("msm_accumulate"), bucketCount, 0, bases.Buffer, indices, dOffsets, buckets, (ulong)bucketCount);
        using var sums = _ctx.Allocate(96L * windows);
        _ctx.Launch(module.Kernel("msm_window_reduce"), windows, 0, buckets, sums, (uint)c, (uint)windows);

        var words = new Fq[3 * windows];
        _ctx.Download<Fq>(sums, words);
        var windowSums = G1Layout.ReadJacobian(words);
        var acc = windowSums[windows - 1];
        for (int w = windows - 2; w >= 0; w--)
        {
            for (int i = 0; i < c; i++) acc += acc;
            acc += windowSums[w];
        }
        return acc;
    }

    /// <summary>The default window width for <paramref name="n"/> points: log2(n) - 3, clamped to [4, 16].</summary>
    public static int DefaultWindowBits(long n) => Math.Clamp(BitOperations.Log2((ulong)Math.Max(1, n)) - 3, 4, 16);
}

/// <summary>G1 bases kept in device memory (affine, 64 bytes each) for repeated MSMs; dispose to free them.</summary>
public sealed class ResidentG1Bases : IDisposable
{
    internal ResidentG1Bases(GpuBuffer buffer, int count) { Buffer = buffer; Count = count; }

    internal GpuBuffer Buffer { get; }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>Frees the device memory.</summary>
    public void Dispose() => Buffer.Dispose();
}
