namespace Proving.Gpu;

/// <summary>Base class of the errors raised by a GPU runtime call (CUDA driver, NVRTC, OpenCL).</summary>
public abstract class GpuException : Exception
{
    /// <summary>Creates the exception for the native call <paramref name="function"/>.</summary>
    protected GpuException(string function, string message, Exception? inner = null) : base(message, inner) => Function = function;

    /// <summary>The native function whose result signalled the error (e.g. "clBuildProgram", "cuLaunchKernel").</summary>
    public string Function { get; }
}

/// <summary>A GPU runtime cannot be used on this machine: library missing, no device, or driver too old.</summary>
public sealed class GpuUnavailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="runtime"/> ("cuda", "opencl", "nvrtc").</summary>
    public GpuUnavailableException(string runtime, string reason, Exception? inner = null)
        : base($"{runtime} unavailable: {reason}", inner)
    {
        Runtime = runtime;
        Reason = reason;
    }

    /// <summary>The runtime that is unavailable ("cuda", "opencl", "nvrtc").</summary>
    public string Runtime { get; }

    /// <summary>Why it cannot be used (e.g. "libcuda.so.1 not found").</summary>
    public string Reason { get; }
}
