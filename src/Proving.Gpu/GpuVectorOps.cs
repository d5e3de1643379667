using Proving.Core.Curves.Bn254;

namespace Proving.Gpu;

/// <summary>
/// Element-wise Fr vector operations on a <see cref="GpuContext"/> (native/kernels/vecops.c, ntt.c), host to host:
/// the vector steps of a prover around its NTTs. Results equal the CPU field operations exactly.
/// </summary>
public sealed class GpuVectorOps(GpuContext context)
{
    private readonly GpuContext _ctx = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>a[i] *= b[i].</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public void PointwiseMul(Span<Fr> a, ReadOnlySpan<Fr> b) => Binary("fr_vec_mul", a, b);

    /// <summary>a[i] += b[i].</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public void Add(Span<Fr> a, ReadOnlySpan<Fr> b) => Binary("fr_vec_add", a, b);

    /// <summary>a[i] -= b[i].</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public void Sub(Span<Fr> a, ReadOnlySpan<Fr> b) => Binary("fr_vec_sub", a, b);

    /// <summary>a[i] = a[i] op b[i] on the device for the first <paramref name="n"/> elements, op the vecops.c kernel
    /// <paramref name="kernel"/> ("fr_vec_mul", "fr_vec_sub", ...).</summary>
    internal void Apply(string kernel, GpuBuffer a, GpuBuffer b, long n)
    {
        if (n > 0) _ctx.Launch(_ctx.Module("vecops.c").Kernel(kernel), n, 0, a, a, b, (ulong)n);
    }

    /// <summary>v[i] = 1 / v[i] for non-zero elements; zeros stay zero (Fermat inversion per element).</summary>
    public void Invert(Span<Fr> values)
    {
        if (values.IsEmpty) return;
        using var d = _ctx.Upload<Fr>(values);
        _ctx.Launch(_ctx.Module("vecops.c").Kernel("fr_vec_inv"), values.Length, 0, d, d, (ulong)values.Length);
        _ctx.Download<Fr>(d, values);
    }

    /// <summary>v[i] *= g^i.</summary>
    public void ScaleByPowers(Span<Fr> values, Fr g)
    {
        if (values.IsEmpty) return;
        using var d = _ctx.Upload<Fr>(values);
        using var consts = _ctx.Upload<Fr>([Fr.One, g]);
        // fr_scale_powers reduces the index modulo 2^log_n; 2^31 covers every span index
        _ctx.Launch(_ctx.Module("ntt.c").Kernel("fr_scale_powers"), values.Length, 0, d, consts, 31u, 0u, (ulong)values.Length);
        _ctx.Download<Fr>(d, values);
    }

    private void Binary(string kernel, Span<Fr> a, ReadOnlySpan<Fr> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"lengths differ: {a.Length} and {b.Length}");
        if (a.IsEmpty) return;
        using var da = _ctx.Upload<Fr>(a);
        using var db = _ctx.Upload<Fr>(b);
        Apply(kernel, da, db, a.Length);
        _ctx.Download<Fr>(da, a);
    }
}
