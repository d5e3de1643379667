using Proving.Core.Algebra;

namespace Proving.Core.Ntt;

/// <summary>
/// Test oracle: the discrete Fourier transform evaluated directly in O(n^2) field operations, natural order only.
/// It shares nothing with <see cref="CpuNtt"/> except the field and its roots of unity (T.RootOfUnity), so it checks
/// the butterflies, twiddle tables, orderings and coset handling of the fast path. Too slow beyond ~2^12 points.
/// </summary>
public static class NaiveNtt
{
    /// <summary>out[j] = Σ a[i]·(g·ω^j)^i for j &lt; n, with ω = T.RootOfUnity(log2 n) and g = <paramref name="cosetShift"/> (1 when null).</summary>
    /// <exception cref="ArgumentException">The length is not a power of two.</exception>
    public static T[] Forward<T>(ReadOnlySpan<T> coefficients, T? cosetShift = null) where T : struct, ITwoAdicField<T>
    {
        int n = coefficients.Length;
        var omega = T.RootOfUnity(Log2(n));
        var g = cosetShift ?? T.One;
        var result = new T[n];
        var point = g;
        for (int j = 0; j < n; j++)
        {
            result[j] = Evaluate(coefficients, point);
            point = point * omega;
        }
        return result;
    }

    /// <summary>The coefficients a with <see cref="Forward{T}"/>(a, cosetShift) = <paramref name="evaluations"/>:
    /// a[i] = (1/n)·g^-i·Σ e[j]·ω^(-ij).</summary>
    /// <exception cref="ArgumentException">The length is not a power of two, or the shift is zero.</exception>
    public static T[] Inverse<T>(ReadOnlySpan<T> evaluations, T? cosetShift = null) where T : struct, ITwoAdicField<T>
    {
        int n = evaluations.Length;
        var omegaInv = T.RootOfUnity(Log2(n)).Inverse();
        var g = cosetShift ?? T.One;
        if (g.IsZero) throw new ArgumentException("coset shift must be non-zero");
        var gInv = g.Inverse();
        var nInv = T.FromUInt64((ulong)n).Inverse();
        var result = new T[n];
        var point = T.One;
        var scale = nInv;
        for (int i = 0; i < n; i++)
        {
            result[i] = Evaluate(evaluations, point) * scale;
            point = point * omegaInv;
            scale = scale * gInv;
        }
        return result;
    }

    /// <summary>Σ c[i]·x^i by Horner's rule.</summary>
    public static T Evaluate<T>(ReadOnlySpan<T> c, T x) where T : struct, IField<T>
    {
        var acc = T.Zero;
        for (int i = c.Length - 1; i >= 0; i--) acc = acc * x + c[i];
        return acc;
    }

    private static int Log2(int n)
    {
        if (n <= 0 || (n & (n - 1)) != 0) throw new ArgumentException($"NTT length must be a power of two, got {n}");
        return System.Numerics.BitOperations.Log2((uint)n);
    }
}
