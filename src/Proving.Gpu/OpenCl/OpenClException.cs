namespace Proving.Gpu.OpenCl;

/// <summary>An OpenCL call returned an error code; the message names the call and the code (e.g. CL_INVALID_VALUE).</summary>
public sealed class OpenClException : GpuException
{
    /// <summary>Creates the exception for <paramref name="function"/> returning <paramref name="errorCode"/>; a build log, when given, is appended.</summary>
    public OpenClException(string function, int errorCode, string? buildLog = null)
        : base(function, $"{function} failed: {OpenClErrors.Name(errorCode)} ({errorCode})" + (string.IsNullOrWhiteSpace(buildLog) ? "" : "\nbuild log:\n" + buildLog.Trim()))
    {
        ErrorCode = errorCode;
        BuildLog = buildLog;
    }

    /// <summary>The OpenCL error code (negative; see cl.h).</summary>
    public int ErrorCode { get; }

    /// <summary>The compiler's build log for program build failures, otherwise null.</summary>
    public string? BuildLog { get; }

    /// <summary>Throws when <paramref name="errorCode"/> is not CL_SUCCESS.</summary>
    internal static void Check(int errorCode, string function)
    {
        if (errorCode != 0) throw new OpenClException(function, errorCode);
    }
}
