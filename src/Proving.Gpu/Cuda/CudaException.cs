using System.Runtime.InteropServices;

namespace Proving.Gpu.Cuda;

/// <summary>A CUDA driver API call returned an error; the message names the call and the driver's error name and string.</summary>
public sealed class CudaException : GpuException
{
    /// <summary>Creates the exception for <paramref name="function"/> returning <paramref name="result"/>.</summary>
    public CudaException(string function, int result, string errorName, string errorString)
        : base(function, $"{function} failed: {errorName} ({result}): {errorString}")
    {
        Result = result;
        ErrorName = errorName;
        ErrorString = errorString;
    }

    /// <summary>The CUresult code (see cuda.h).</summary>
    public int Result { get; }

    /// <summary>The code's name from cuGetErrorName (e.g. CUDA_ERROR_INVALID_VALUE).</summary>
    public string ErrorName { get; }

    /// <summary>The description from cuGetErrorString.</summary>
    public string ErrorString { get; }

    /// <summary>Throws when <paramref name="result"/> is not CUDA_SUCCESS.</summary>
    internal static unsafe void Check(int result, string function)
    {
        if (result == CudaNative.CUDA_SUCCESS) return;
        byte* name = null, text = null;
        string n = CudaNative.cuGetErrorName(result, &name) == 0 && name != null ? Marshal.PtrToStringUTF8((nint)name)! : "CUDA_ERROR_UNKNOWN";
        string s = CudaNative.cuGetErrorString(result, &text) == 0 && text != null ? Marshal.PtrToStringUTF8((nint)text)! : "unrecognized error code";
        throw new CudaException(function, result, n, s);
    }
}

/// <summary>An NVRTC call failed; for compilation failures the compiler log is part of the message.</summary>
public sealed class NvrtcException : GpuException
{
    /// <summary>Creates the exception for <paramref name="function"/> returning <paramref name="result"/>.</summary>
    public NvrtcException(string function, int result, string errorString, string? log = null)
        : base(function, $"{function} failed: {errorString} ({result})" + (string.IsNullOrWhiteSpace(log) ? "" : "\ncompile log:\n" + log.Trim()))
    {
        Result = result;
        Log = log;
    }

    /// <summary>The nvrtcResult code (see nvrtc.h).</summary>
    public int Result { get; }

    /// <summary>The compile log for compilation failures, otherwise null.</summary>
    public string? Log { get; }

    /// <summary>Throws when <paramref name="result"/> is not NVRTC_SUCCESS.</summary>
    internal static unsafe void Check(int result, string function, string? log = null)
    {
        if (result == 0) return;
        var text = NvrtcNative.nvrtcGetErrorString(result);
        throw new NvrtcException(function, result, text != null ? Marshal.PtrToStringUTF8((nint)text)! : "unknown NVRTC error", log);
    }
}
