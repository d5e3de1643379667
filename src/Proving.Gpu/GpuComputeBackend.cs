using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Ntt;
using Proving.Gpu.Cuda;
using Proving.Gpu.OpenCl;

namespace Proving.Gpu;

/// <summary>
/// <see cref="IComputeBackend"/> on a GPU context: NTTs by <see cref="GpuNtt"/>, vector operations by
/// <see cref="GpuVectorOps"/>, G1 and G2 MSM by <see cref="GpuMsm"/>. Each call copies its inputs to the device and the
/// results back. Registered as "cuda" and "opencl" by <see cref="GpuBackends.Register"/>. One thread at a time.
/// </summary>
public sealed class GpuComputeBackend : IComputeBackend
{
    private readonly GpuContext _ctx;
    private readonly GpuNtt _ntt;
    private readonly GpuVectorOps _ops;

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

    /// <summary>G2 MSM on the device (configuration as for <see cref="MsmG1"/>).</summary>
    /// <exception cref="ArgumentException">The spans have different lengths.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    public G2Projective MsmG2(ReadOnlySpan<G2Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Msm.Msm(bases, scalars, config.WindowBits);
    }

    /// <inheritdoc />
    public void PointwiseMul(Span<Fr> a, ReadOnlySpan<Fr> b) => _ops.PointwiseMul(a, b);

    /// <inheritdoc />
    public void Sub(Span<Fr> a, ReadOnlySpan<Fr> b) => _ops.Sub(a, b);

    /// <inheritdoc />
    public void ScaleByPowers(Span<Fr> values, Fr g) => _ops.ScaleByPowers(values, g);

    /// <inheritdoc />
    public void BatchInvert(Span<Fr> values) => _ops.Invert(values);

    /// <summary>Frees the device tables and the context.</summary>
    public void Dispose()
    {
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
