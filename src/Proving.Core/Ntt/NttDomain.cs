using System.Collections.Concurrent;
using Proving.Core.Algebra;
using Proving.Core.Compute;

namespace Proving.Core.Ntt;

/// <summary>
/// The multiplicative subgroup of order n = 2^logN of a two-adic field, with its twiddle factors: the forward table
/// holds ω^j and the inverse table ω^-j for 0 &lt;= j &lt; n/2, where ω = T.RootOfUnity(logN). Tables are built on
/// first use (in parallel) and cached for the life of the process, one domain per (field, logN).
/// Memory: 16n bytes per table for 32-byte elements.
/// </summary>
/// <typeparam name="T">The field.</typeparam>
public sealed class NttDomain<T> where T : unmanaged, ITwoAdicField<T>
{
    private static readonly ConcurrentDictionary<int, Lazy<NttDomain<T>>> Cache = new();

    private readonly Lazy<T[]> _forward;
    private readonly Lazy<T[]> _inverse;

    private NttDomain(int logN)
    {
        LogN = logN;
        Size = 1 << logN;
        Generator = T.RootOfUnity(logN);
        SizeInverse = T.FromUInt64((ulong)Size).Inverse();
        _forward = new(() => Powers(Generator, Size / 2));
        _inverse = new(() => Powers(Generator.Inverse(), Size / 2));
    }

    /// <summary>The cached domain of size 2^<paramref name="logN"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logN"/> is outside [0, T.TwoAdicity] (or above 30).</exception>
    public static NttDomain<T> Get(int logN)
    {
        if (logN < 0 || logN > T.TwoAdicity || logN > 30)
            throw new ArgumentOutOfRangeException(nameof(logN), $"NTT domain 2^{logN} is outside 2^0..2^{Math.Min(T.TwoAdicity, 30)} for {typeof(T).Name}");
        return Cache.GetOrAdd(logN, l => new Lazy<NttDomain<T>>(() => new NttDomain<T>(l))).Value;
    }

    /// <summary>log2 of the domain size.</summary>
    public int LogN { get; }

    /// <summary>The number of points n = 2^LogN.</summary>
    public int Size { get; }

    /// <summary>ω, the primitive n-th root of unity T.RootOfUnity(LogN) generating the domain.</summary>
    public T Generator { get; }

    /// <summary>1/n in the field.</summary>
    public T SizeInverse { get; }

    /// <summary>ω^j for 0 &lt;= j &lt; n/2 (empty for n = 1).</summary>
    internal T[] ForwardTwiddles => _forward.Value;

    /// <summary>ω^-j for 0 &lt;= j &lt; n/2 (empty for n = 1).</summary>
    internal T[] InverseTwiddles => _inverse.Value;

    private static T[] Powers(T w, int count)
    {
        var table = new T[count];
        ParallelChunks.For(count, 1 << 13, (s, e) =>
        {
            T p = VectorOps.Pow(w, (ulong)s);
            for (int i = s; i < e; i++) { table[i] = p; p = p * w; }
        });
        return table;
    }
}
