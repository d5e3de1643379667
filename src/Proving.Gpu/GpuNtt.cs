using System.Numerics;
using Proving.Core.Curves.Bn254;

namespace Proving.Gpu;

/// <summary>
/// NTT over BN254 Fr on a <see cref="GpuContext"/> (native/kernels/ntt.c): forward or inverse, on the subgroup or a
/// coset g·&lt;ω&gt;, natural or bit-reversed order on either side, batches of columns. Definitions match
/// Proving.Core's CPU NTT: forward out[j] = Σ a[i]·(g·ω^j)^i with ω = Fr.RootOfUnity(log2 n); inverse is its exact
/// inverse (scaled by 1/n). Twiddle tables stay on the device per size and direction. One thread at a time.
/// </summary>
public sealed class GpuNtt : IDisposable
{
    /// <summary>The largest supported column: 2^28 (Fr's two-adicity).</summary>
    public const int MaxLogN = 28;

    private readonly GpuContext _ctx;
    private readonly Dictionary<(int, bool), GpuBuffer> _twiddles = new();

    /// <summary>Uses <paramref name="context"/> (not owned).</summary>
    public GpuNtt(GpuContext context) => _ctx = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>Transforms <paramref name="values"/> in place: copies to the device, runs, copies back.</summary>
    /// <exception cref="ArgumentException">The column length is not a power of two, the batch does not divide the length, or the shift is zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The column is longer than 2^28.</exception>
    public void Transform(Span<Fr> values, bool inverse, bool inputBitReversed = false, bool outputBitReversed = false, Fr? cosetShift = null, int batch = 1)
    {
        int logN = CheckShape(values.Length, batch);
        if (values.Length == 0) return;
        using var buffer = _ctx.Upload<Fr>(values);
        Transform(buffer, logN, batch, inverse, inputBitReversed, outputBitReversed, cosetShift);
        _ctx.Download<Fr>(buffer, values);
    }

    /// <summary>Transforms <paramref name="batch"/> columns of 2^<paramref name="logN"/> Fr (Montgomery limbs) in the device buffer <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">logN is outside [0, 28], batch is not positive, or the buffer is too small.</exception>
    /// <exception cref="ArgumentException">The coset shift is zero.</exception>
    public void Transform(GpuBuffer data, int logN, int batch, bool inverse, bool inputBitReversed, bool outputBitReversed, Fr? cosetShift)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(logN);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(logN, MaxLogN);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        if (cosetShift is { IsZero: true }) throw new ArgumentException("coset shift must be non-zero", nameof(cosetShift));
        long n = 1L << logN, total = n * batch;
        data.CheckRange(0, total * 32);
        var module = _ctx.Module("ntt.c");
        if (!inverse && cosetShift is { } g)
            Scale(module, data, logN, total, Fr.One, g, inputBitReversed);
        if (logN == 0)
        {
            if (inverse && cosetShift is { } g0) Scale(module, data, 0, total, Fr.One, g0.Inverse(), false);
            return;
        }
        if (!inputBitReversed) _ctx.Launch(module.Kernel("fr_bit_reverse"), total, 0, data, (uint)logN, (ulong)total);
        var tw = Twiddles(logN, inverse);
        // a group of T work items transforms 2T elements in local memory; the kernel's array holds 2^9
        var local = module.Kernel("fr_ntt_local");
        int logBlock = Math.Min(logN, Math.Min(9, BitOperations.Log2((uint)Math.Max(1, local.MaxGroupSize)) + 1));
        _ctx.Launch(local, total / 2, 1 << (logBlock - 1), data, tw, (uint)logN, (uint)logBlock, (ulong)(total / 2));
        var stage = module.Kernel("fr_ntt_stage");
        for (int logM = logBlock; logM < logN; logM++)
            _ctx.Launch(stage, total / 2, 0, data, tw, (uint)logN, (uint)logM, (ulong)(total / 2));
        if (inverse)
        {
            var nInv = Fr.FromUInt64((ulong)n).Inverse();
            Scale(module, data, logN, total, nInv, cosetShift is { } gi ? gi.Inverse() : Fr.One, false);
        }
        if (outputBitReversed) _ctx.Launch(module.Kernel("fr_bit_reverse"), total, 0, data, (uint)logN, (ulong)total);
    }

    private void Scale(GpuModule module, GpuBuffer data, int logN, long total, Fr c, Fr h, bool bitReversed)
    {
        using var consts = _ctx.Upload<Fr>([c, h]);
        _ctx.Launch(module.Kernel("fr_scale_powers"), total, 0, data, consts, (uint)logN, bitReversed ? 1u : 0u, (ulong)total);
    }

    private GpuBuffer Twiddles(int logN, bool inverse)
    {
        if (_twiddles.TryGetValue((logN, inverse), out var b)) return b;
        var w = Fr.RootOfUnity(logN);
        if (inverse) w = w.Inverse();
        var table = new Fr[Math.Max(1, (1 << logN) / 2)];
        var p = Fr.One;
        for (int j = 0; j < table.Length; j++) { table[j] = p; p *= w; }
        b = _ctx.Upload<Fr>(table);
        _twiddles[(logN, inverse)] = b;
        return b;
    }

    internal static int CheckShape(int length, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        if (length % batch != 0) throw new ArgumentException($"batch size {batch} does not divide the length {length}");
        int n = length / batch;
        if (length == 0) return 0;
        if ((n & (n - 1)) != 0) throw new ArgumentException($"NTT column length must be a power of two, got {n}");
        int logN = BitOperations.Log2((uint)n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(logN, MaxLogN, "log2 of the column length");
        return logN;
    }

    /// <summary>Frees the twiddle tables.</summary>
    public void Dispose()
    {
        foreach (var b in _twiddles.Values) b.Dispose();
        _twiddles.Clear();
    }
}
