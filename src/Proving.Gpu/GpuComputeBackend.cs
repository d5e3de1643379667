using System.Runtime.CompilerServices;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;
using Proving.Core.Ntt;
using Proving.Gpu.Cuda;
using Proving.Gpu.OpenCl;

namespace Proving.Gpu;

/// <summary>
/// <see cref="IComputeBackend"/> on a GPU context: NTTs by <see cref="GpuNtt"/>, vector operations by
/// <see cref="GpuVectorOps"/>, G1 and G2 MSM by <see cref="GpuMsm"/>. Each call copies its inputs to the device and the
/// results back, except that bases prepared by <see cref="PrepareMsmBasesG1"/> / <see cref="PrepareMsmBasesG2"/> (a
/// proving key, as the Groth16 prover does once per key) stay in device memory, so their MSMs copy only the scalars. Registered as "cuda" and "opencl" by <see cref="GpuBackends.Register"/>. One thread at a time.
/// </summary>
public sealed class GpuComputeBackend : IComputeBackend
{
    private readonly GpuContext _ctx;
    private readonly GpuNtt _ntt;
    private readonly GpuVectorOps _ops;
    private readonly ConditionalWeakTable<object, IDisposable> _resident = new();   // MsmBases -> ResidentBases
    private readonly List<IDisposable> _residentAll = [];

    /// <summary>Wraps <paramref name="context"/> (owned: disposed with the backend) under the registry name <paramref name="name"/>.</summary>
    public GpuComputeBackend(string name, GpuContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _ctx = context ?? throw new ArgumentNullException(nameof(context));
        Name = name;
        _ntt = new GpuNtt(context);
        _ops = new GpuVectorOps(context);
        Msm = new GpuMsm(context);
    }

    /// <summary>Opens device 0 of <paramref name="runtime"/> ("cuda" or "opencl").</summary>
    /// <exception cref="ComputeBackendUnavailableException">The runtime or device cannot be used here (the reason says why).</exception>
    public static GpuComputeBackend Open(string runtime) => Open(runtime, gpuOnly: false);

    internal static GpuComputeBackend Open(string runtime, bool gpuOnly)
    {
        try
        {
            GpuContext ctx = runtime switch
            {
                "cuda" => CudaRuntime.Open(),
                "opencl" => gpuOnly ? OpenClRuntime.OpenFirstNonCpu() : OpenClRuntime.Open(),
                _ => throw new ArgumentException($"unknown GPU runtime '{runtime}'", nameof(runtime)),
            };
            return new GpuComputeBackend(runtime, ctx);
        }
        catch (GpuUnavailableException e) { throw new ComputeBackendUnavailableException(runtime, e.Reason, e); }
        catch (GpuException e) { throw new ComputeBackendUnavailableException(runtime, e.Message, e); }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Description => $"{Name}: {_ctx.Device}";

    /// <summary>G1 MSM on this device (bases can be kept resident with <c>GpuMsm.UploadBases</c>).</summary>
    public GpuMsm Msm { get; }

    /// <inheritdoc />
    public void Ntt(Span<Fr> values, NttConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        bool inBr = config.Ordering is NttOrdering.BitReversedToNatural or NttOrdering.BitReversedToBitReversed;
        bool outBr = config.Ordering is NttOrdering.NaturalToBitReversed or NttOrdering.BitReversedToBitReversed;
        _ntt.Transform(values, config.Direction == NttDirection.Inverse, inBr, outBr, config.CosetShift, config.BatchSize);
    }

    /// <summary>G1 MSM on the device; <see cref="MsmConfig.WindowBits"/> is the device's window width (0: its own
    /// default), <see cref="MsmConfig.Threads"/> does not apply.</summary>
    /// <exception cref="ArgumentException">The spans have different lengths.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    public G1Projective MsmG1(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Msm.Msm(bases, scalars, config.WindowBits);
    }

    /// <summary>G2 MSM on the device (configuration as for <see cref="MsmG1(ReadOnlySpan{G1Affine}, ReadOnlySpan{Fr}, MsmConfig)"/>).</summary>
    /// <exception cref="ArgumentException">The spans have different lengths.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    public G2Projective MsmG2(ReadOnlySpan<G2Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Msm.Msm(bases, scalars, config.WindowBits);
    }

    /// <summary>Copies <paramref name="bases"/> to the device (64 bytes per point) where they stay until the backend is
    /// disposed; MSMs over the returned bases on this backend copy only the scalars. No fixed-base precomputation:
    /// <see cref="MsmConfig.PrecomputeFactor"/> does not apply (the result has factor 1 and wraps the array, not
    /// copied), so other backends accept it too.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="GpuException">The device is out of memory.</exception>
    public MsmBases<G1Affine> PrepareMsmBasesG1(G1Affine[] bases, MsmConfig config) =>
        KeepResident(bases, config, Msm.UploadBases);

    /// <summary>Copies G2 <paramref name="bases"/> to the device (128 bytes per point), as <see cref="PrepareMsmBasesG1"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="GpuException">The device is out of memory.</exception>
    public MsmBases<G2Affine> PrepareMsmBasesG2(G2Affine[] bases, MsmConfig config) =>
        KeepResident(bases, config, Msm.UploadBases);

    /// <summary>Σ scalars[i]·bases[i] on G1: over the device copy when this backend prepared <paramref name="bases"/>,
    /// else over <see cref="MsmBases{TAff}.Bases"/> copied for this call.</summary>
    /// <exception cref="ArgumentException">scalars.Length is not bases.Count.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public G1Projective MsmG1(MsmBases<G1Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config) =>
        Resident(bases, scalars, config) is ResidentBases<G1Affine> r
            ? Msm.Msm(r, scalars, config.WindowBits)
            : MsmG1(bases.Bases.Span, scalars, config);

    /// <summary>Σ scalars[i]·bases[i] on G2 over prepared bases (as <see cref="MsmG1(MsmBases{G1Affine}, ReadOnlySpan{Fr}, MsmConfig)"/>).</summary>
    /// <exception cref="ArgumentException">scalars.Length is not bases.Count.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public G2Projective MsmG2(MsmBases<G2Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config) =>
        Resident(bases, scalars, config) is ResidentBases<G2Affine> r
            ? Msm.Msm(r, scalars, config.WindowBits)
            : MsmG2(bases.Bases.Span, scalars, config);

    private MsmBases<TAff> KeepResident<TAff>(TAff[] bases, MsmConfig config, Func<ReadOnlySpan<TAff>, ResidentBases<TAff>> upload)
        where TAff : unmanaged
    {
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(config);
        var prepared = MsmBases<TAff>.Plain(bases);
        var resident = upload(bases);
        _residentAll.Add(resident);
        _resident.Add(prepared, resident);
        return prepared;
    }

    private IDisposable? Resident<TAff>(MsmBases<TAff> bases, ReadOnlySpan<Fr> scalars, MsmConfig config) where TAff : unmanaged
    {
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(config);
        if (scalars.Length != bases.Count) throw new ArgumentException($"{scalars.Length} scalars for {bases.Count} bases");
        return _resident.TryGetValue(bases, out var r) ? r : null;
    }

    /// <summary>As <see cref="IComputeBackend.QuotientOnOddCoset"/>, with the three columns copied to the device once, the six
    /// NTTs and the two vector operations run there, and only a copied back: 4·n·32 bytes over the bus instead of the
    /// 19·n·32 of separate calls. <paramref name="nttsDone"/> is told after the device has finished each column.</summary>
    /// <exception cref="ArgumentException">A span is not 2^logN long.</exception>
    public void QuotientOnOddCoset(Span<Fr> a, Span<Fr> b, Span<Fr> c, int logN, Action<int>? nttsDone = null)
    {
        IComputeBackend.CheckQuotientShape(a.Length, b.Length, c.Length, logN);
        var shift = NttConfig.OddCoset(logN).CosetShift;
        using var da = _ctx.Upload<Fr>(a);
        using var db = _ctx.Upload<Fr>(b);
        using var dc = _ctx.Upload<Fr>(c);
        int done = 0;
        foreach (var d in new[] { da, db, dc })
        {
            _ntt.Transform(d, logN, 1, inverse: true, inputBitReversed: false, outputBitReversed: false, cosetShift: null);
            _ntt.Transform(d, logN, 1, inverse: false, inputBitReversed: false, outputBitReversed: false, cosetShift: shift);
            done += 2;
            if (nttsDone != null)
            {
                _ctx.Synchronize();
                nttsDone(done);
            }
        }
        _ops.Apply("fr_vec_mul", da, db, a.Length);
        _ops.Apply("fr_vec_sub", da, dc, a.Length);
        _ctx.Download<Fr>(da, a);
    }

    /// <inheritdoc />
    public void PointwiseMul(Span<Fr> a, ReadOnlySpan<Fr> b) => _ops.PointwiseMul(a, b);

    /// <inheritdoc />
    public void Sub(Span<Fr> a, ReadOnlySpan<Fr> b) => _ops.Sub(a, b);

    /// <inheritdoc />
    public void ScaleByPowers(Span<Fr> values, Fr g) => _ops.ScaleByPowers(values, g);

    /// <inheritdoc />
    public void BatchInvert(Span<Fr> values) => _ops.Invert(values);

    /// <summary>Frees the resident bases, the device tables and the context.</summary>
    public void Dispose()
    {
        foreach (var r in _residentAll) r.Dispose();
        _residentAll.Clear();
        _resident.Clear();
        _ntt.Dispose();
        _ctx.Dispose();
    }
}

/// <summary>Registers the GPU backends with <see cref="ComputeBackends"/>.</summary>
public static class GpuBackends
{
    /// <summary>Registers "cuda" and "opencl" (each opens device 0 when created); call once at start-up. Idempotent.</summary>
    public static void Register()
    {
        ComputeBackends.Register("cuda", () => GpuComputeBackend.Open("cuda", gpuOnly: false));
        // "opencl" by name takes the first device (PoCL too); "auto" takes only a GPU/accelerator.
        ComputeBackends.Register("opencl", () => GpuComputeBackend.Open("opencl", gpuOnly: false), forAuto: () => GpuComputeBackend.Open("opencl", gpuOnly: true));
    }
}
