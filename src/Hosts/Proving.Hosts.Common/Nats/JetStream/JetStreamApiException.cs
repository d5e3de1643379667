namespace Proving.Hosts.Common.Nats.JetStream;

/// <summary>A JetStream API call returned an error object.</summary>
public sealed class JetStreamApiException : NatsException
{
    /// <summary>JetStream error code: stream not found.</summary>
    public const int StreamNotFound = 10059;
    /// <summary>JetStream error code: stream name already in use with a different configuration.</summary>
    public const int StreamNameInUse = 10058;
    /// <summary>JetStream error code: consumer not found.</summary>
    public const int ConsumerNotFound = 10014;
    /// <summary>JetStream error code: no message found.</summary>
    public const int NoMessageFound = 10037;

    /// <summary>Creates the exception from the API's error object.</summary>
    public JetStreamApiException(string api, int code, int errCode, string description)
        : base($"{api}: {description} (code {code}, err_code {errCode})")
    {
        Code = code;
        ErrCode = errCode;
    }

    /// <summary>HTTP-like code.</summary>
    public int Code { get; }

    /// <summary>JetStream error code.</summary>
    public int ErrCode { get; }
}
