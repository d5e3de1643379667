namespace Proving.Core.Compute;

/// <summary>A compute backend was requested by a name that is unknown or that cannot start here; the message gives the reason.</summary>
public sealed class ComputeBackendUnavailableException : Exception
{
    /// <summary>Creates the exception for backend <paramref name="backendName"/>.</summary>
    public ComputeBackendUnavailableException(string backendName, string reason, Exception? inner = null)
        : base($"compute backend '{backendName}' is unavailable: {reason}", inner)
    {
        BackendName = backendName;
        Reason = reason;
    }

    /// <summary>The name that was requested.</summary>
    public string BackendName { get; }

    /// <summary>Why it cannot be used.</summary>
    public string Reason { get; }
}
