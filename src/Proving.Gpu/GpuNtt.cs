using System.Numerics;
using Proving.Core.Curves.Bn254;

namespace Proving.Gpu;

/// <summary>
/// NTT over BN254 Fr on a <see cref="GpuContext"/> (native/kernels/ntt.c): forward or inverse, on the subgroup or a
/// coset g·&lt;ω&gt;, natural or bit-reversed order on either side, batches of columns. Definitions match
/// Proving.Core's CPU NTT: forward out[j] = Σ a[i]·(g·ω^j)^i with ω = Fr.RootOfUnity(log2 n); inverse is its exact
/// inverse (scaled by 1/n). Twiddle tables stay on the device per size and direction. One thread at a time.
/// A transform is [bit reversal] + passes of up to 10 stages each in local memory (with groups of 512 work items:
/// 1 pass up to 2^10, 2 up to 2^18, 3 up to 2^26, 4 beyond) + [bit reversal]; the coset and 1/n scaling ride on the
/// first / last pass, by tables of about 2·sqrt(n) powers kept per size and direction.
/// </summary>
public sealed class GpuNtt : IDisposable
{
    /// <summary>The largest supported column: 2^28 (Fr's two-adicity).</summary>
    public const int MaxLogN = 28;

    /// <summary>log2 of the elements one group holds in local memory: NTT_LOCAL_LOG of native/kernels/ntt.c.</summary>
    internal const int LocalLog = 10;

    /// <summary>log2 of the side of fr_bit_reverse_tiles's tiles: NTT_TILE_LOG of native/kernels/ntt.c.</summary>
    private const int TileLog = 4;

    /// <summary>The shortest run of neighbouring elements (log2) a strided pass loads: 4 Fr = 128 bytes.</summary>
    private const int MinLogRun = 2;

    private readonly GpuContext _ctx;
    private readonly int _localLog;
    private readonly GpuModule? _module;
    private readonly Dictionary<(int, bool), GpuBuffer> _twiddles = new();
    private readonly Dictionary<(int, bool), (Fr H, Fr C, GpuBuffer Table)> _scales = new();

    /// <summary>Uses <paramref name="context"/> (not owned).</summary>
    public GpuNtt(GpuContext context) : this(context, LocalLog) { }

    /// <summary>Plans passes of at most 2^<paramref name="localLog"/> elements per group (tests use small values to reach
    /// many passes at small sizes) and runs the kernels of <paramref name="module"/> (a build of ntt.c, e.g. with other
    /// defines; not owned) instead of the context's ntt.c.</summary>
    internal GpuNtt(GpuContext context, int localLog, GpuModule? module = null)
    {
        _ctx = context ?? throw new ArgumentNullException(nameof(context));
        ArgumentOutOfRangeException.ThrowIfLessThan(localLog, MinLogRun + 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(localLog, LocalLog);
        _localLog = localLog;
        _module = module;
    }

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
        if (logN == 0) return;   // a column of one element: every transform is the identity
        var module = _module ?? _ctx.Module("ntt.c");
        if (!inputBitReversed) BitReverse(module, data, logN, total);
        var tw = Twiddles(logN, inverse);
        // forward on a coset: a[i] *= g^i before the stages, i the coefficient's index (position p holds coefficient
        // bit_reverse(p) until the stages); inverse: out[j] *= n^-1 g^-j after them (natural order)
        GpuBuffer? scale = null;
        if (!inverse && cosetShift is { } g) scale = ScaleTable(logN, inverse, Fr.One, g);
        if (inverse) scale = ScaleTable(logN, inverse, Fr.FromUInt64((ulong)n).Inverse(), cosetShift is { } gi ? gi.Inverse() : Fr.One);
        var pass = module.Kernel("fr_ntt_pass");
        var scaled = scale == null ? pass : module.Kernel(inverse ? "fr_ntt_pass_scale_out" : "fr_ntt_pass_scale_in");
        // a group of 2^k elements takes 2^(k-1) work items, one butterfly each
        int maxGroup = Math.Max(1, Math.Min(pass.MaxGroupSize, scaled.MaxGroupSize));
        int logLocal = Math.Min(_localLog, BitOperations.Log2((uint)maxGroup) + 1);
        var plan = Plan(logN, logLocal);
        for (int p = 0; p < plan.Count; p++)
        {
            var (logM0, logS, logC) = plan[p];
            // whole blocks per group (logC = logM0) leave room for 2^logB consecutive blocks of the batch
            long blocks = total >> (logM0 + logS);
            int logBlocksTotal = blocks <= 1 ? 0 : BitOperations.Log2((ulong)blocks - 1) + 1;
            int logB = logC == logM0 ? Math.Max(0, Math.Min(logLocal - logS - logC, logBlocksTotal)) : 0;
            long groups = ((total >> logC) + (1L << (logB + logS)) - 1) >> (logB + logS);
            int threads = 1 << (logB + logS + logC - 1);
            var kernel = (inverse ? p == plan.Count - 1 : p == 0) ? scaled : pass;
            _ctx.Launch(kernel, groups * threads, threads, data, tw, scale ?? tw, (uint)logN, (uint)logM0, (uint)logS, (uint)logC, (uint)logB,
                (uint)ScaleLogLo(logN), (ulong)total);
        }
        if (outputBitReversed) BitReverse(module, data, logN, total);
    }

    /// <summary>fr_bit_reverse_tiles (tiles of 2^TileLog x 2^TileLog elements) from 2^(2 TileLog), fr_bit_reverse below.</summary>
    private void BitReverse(GpuModule module, GpuBuffer data, int logN, long total)
    {
        if (logN < 2 * TileLog)
        {
            _ctx.Launch(module.Kernel("fr_bit_reverse"), total, 0, data, (uint)logN, (ulong)total);
            return;
        }
        var tiles = module.Kernel("fr_bit_reverse_tiles");
        int threads = 1 << Math.Min(8, BitOperations.Log2((uint)Math.Max(1, tiles.MaxGroupSize)));
        _ctx.Launch(tiles, (total >> (2 * TileLog)) * threads, threads, data, (uint)logN);
    }

    /// <summary>
    /// The passes of a 2^logN transform: (first stage, stage count, log2 of the run of neighbouring elements a group
    /// takes). The first pass runs the first <paramref name="localLog"/> stages on contiguous blocks; the rest are
    /// shared evenly among as few passes as keep runs of at least 4 elements (128 bytes) within 2^localLog elements.
    /// </summary>
    internal static List<(int LogM0, int LogS, int LogC)> Plan(int logN, int localLog)
    {
        var plan = new List<(int, int, int)>();
        int first = Math.Min(logN, localLog);
        plan.Add((0, first, 0));
        int rest = logN - first;
        if (rest == 0) return plan;
        int perPass = Math.Max(1, localLog - MinLogRun);
        int passes = (rest + perPass - 1) / perPass;
        int m0 = first;
        for (int i = 0; i < passes; i++)
        {
            int s = rest / passes + (i < rest % passes ? 1 : 0);
            plan.Add((m0, s, Math.Min(m0, localLog - s)));
            m0 += s;
        }
        return plan;
    }

    /// <summary>[c·h^i for i &lt; 2^k, then h^(i·2^k) for i &lt; 2^(logN - k)], k = ceil(logN / 2): c·h^i is one product of
    /// two entries. Kept per size and direction while the same h and c are asked for.</summary>
    private GpuBuffer ScaleTable(int logN, bool inverse, Fr c, Fr h)
    {
        if (_scales.TryGetValue((logN, inverse), out var cached) && cached.H == h && cached.C == c) return cached.Table;
        int logLo = ScaleLogLo(logN);
        var table = new Fr[(1 << logLo) + (1 << (logN - logLo))];
        var p = c;
        for (int i = 0; i < 1 << logLo; i++) { table[i] = p; p *= h; }
        var step = h.Pow(1UL << logLo);
        p = Fr.One;
        for (int i = 0; i < 1 << (logN - logLo); i++) { table[(1 << logLo) + i] = p; p *= step; }
        var buffer = _ctx.Upload<Fr>(table);
        cached.Table?.Dispose();
        _scales[(logN, inverse)] = (h, c, buffer);
        return buffer;
    }

    private static int ScaleLogLo(int logN) => (logN + 1) / 2;

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

    /// <summary>Frees the twiddle and scaling tables.</summary>
    public void Dispose()
    {
        foreach (var b in _twiddles.Values) b.Dispose();
        _twiddles.Clear();
        foreach (var s in _scales.Values) s.Table.Dispose();
        _scales.Clear();
    }
}
