namespace Proving.Core.Algebra;

/// <summary>Montgomery's trick: invert many field elements with one inversion and 3(n-1) multiplications.</summary>
public static class BatchInversion
{
    /// <summary>
    /// Replaces every non-zero element of <paramref name="values"/> by its inverse, in place; zeros stay zero.
    /// Cost: one field inversion plus about 3n multiplications; allocates n elements of scratch space.
    /// </summary>
    public static void InvertInPlace<T>(Span<T> values) where T : struct, IField<T>
    {
        if (values.Length == 0) return;
        var prefix = new T[values.Length];
        var acc = T.One;
        for (int i = 0; i < values.Length; i++)
        {
            prefix[i] = acc;
            if (!values[i].IsZero) acc *= values[i];
        }
        var inv = acc.Inverse();
        for (int i = values.Length - 1; i >= 0; i--)
        {
            if (values[i].IsZero) continue;
            var v = values[i];
            values[i] = inv * prefix[i];
            inv *= v;
        }
    }
}
