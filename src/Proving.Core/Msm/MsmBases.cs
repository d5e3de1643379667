using System.Runtime.CompilerServices;

namespace Proving.Core.Msm;

/// <summary>
/// MSM bases prepared once for many MSMs over the same points (a proving key), optionally with fixed-base
/// precomputation in the manner of ICICLE's precompute factor. With window width c, W = floor(254/c) + 1 signed-digit
/// windows and s = <see cref="WindowsPerSlice"/>, the F = <see cref="PrecomputeFactor"/> = ceil(W / s) points stored
/// per base P_i are P_i, 2^(c·s)·P_i, 2^(2·c·s)·P_i, ..., 2^((F-1)·c·s)·P_i (slice-major: point k·n + i is
/// 2^(k·c·s)·P_i), so an MSM becomes a Pippenger over F·n points with only s windows.
/// Memory: F·n affine points (<see cref="ByteSize"/>): 72 bytes each for G1Affine and 136 for G2Affine in memory (64 and
/// 128 bytes of coordinates plus the infinity flag, padded); with F = 1 the
/// caller's array is used as is (not copied: do not modify it while in use). Made by <c>CpuMsm.Prepare</c> or
/// <c>IComputeBackend.PrepareMsmBasesG1/G2</c>; every backend accepts bases made by any backend (those without
/// precomputation use <see cref="Bases"/>). Immutable and safe to share between threads.
/// </summary>
/// <typeparam name="TAff">The affine point type (G1Affine, G2Affine).</typeparam>
public sealed class MsmBases<TAff> where TAff : unmanaged
{
    private readonly TAff[] _points;

    internal MsmBases(TAff[] points, int count, int precomputeFactor, int windowBits, int windowsPerSlice)
    {
        _points = points;
        Count = count;
        PrecomputeFactor = precomputeFactor;
        WindowBits = windowBits;
        WindowsPerSlice = windowsPerSlice;
    }

    /// <summary>Bases without precomputation (factor 1): <paramref name="bases"/> itself, not copied; the window width is
    /// chosen per MSM call.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="bases"/> is null.</exception>
    public static MsmBases<TAff> Plain(TAff[] bases)
    {
        ArgumentNullException.ThrowIfNull(bases);
        return new MsmBases<TAff>(bases, bases.Length, 1, 0, 0);
    }

    /// <summary>The number n of original bases (the scalar count an MSM over them takes).</summary>
    public int Count { get; }

    /// <summary>F, the points stored per base (1: no precomputation). At most the factor asked for: a factor above the
    /// window count W is lowered to W, and in general F = ceil(W / ceil(W / f)) for a requested f.</summary>
    public int PrecomputeFactor { get; }

    /// <summary>The window width c the slices were made for, or 0 when <see cref="PrecomputeFactor"/> is 1 (then each
    /// MSM call chooses its own).</summary>
    public int WindowBits { get; }

    /// <summary>s, the signed-digit windows per slice (0 when <see cref="PrecomputeFactor"/> is 1): slice k of a
    /// scalar covers windows k·s .. k·s + s − 1.</summary>
    public int WindowsPerSlice { get; }

    /// <summary>The n original bases (the first slice).</summary>
    public ReadOnlyMemory<TAff> Bases => new(_points, 0, Count);

    /// <summary>All F·n stored points, slice-major: index k·n + i holds 2^(k·c·s)·P_i.</summary>
    public ReadOnlySpan<TAff> Points => _points;

    /// <summary>Bytes held by the stored points: F·n·sizeof(point) (72 per G1Affine, 136 per G2Affine); with F = 1
    /// these are the caller's array.</summary>
    public long ByteSize => (long)_points.Length * Unsafe.SizeOf<TAff>();
}
