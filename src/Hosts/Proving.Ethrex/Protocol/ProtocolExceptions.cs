namespace Proving.Ethrex.Protocol;

/// <summary>Base of every error this host raises about the prover ⇄ coordinator protocol.</summary>
internal class EthrexProtocolException : Exception
{
    public EthrexProtocolException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The bytes are not a well-formed message of the expected generation (bad JSON, wrong shape or type).</summary>
internal sealed class MalformedMessageException : EthrexProtocolException
{
    public MalformedMessageException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>A well-formed message that is not valid at this point of the exchange (e.g. a response sent as a request).</summary>
internal sealed class UnexpectedMessageException : EthrexProtocolException
{
    public UnexpectedMessageException(string variant, string expected)
        : base($"unexpected message '{variant}' (expected {expected})") => Variant = variant;

    public string Variant { get; }
}

/// <summary>A message exceeded the configured maximum size; reading stopped at the limit.</summary>
internal sealed class MessageTooLargeException : EthrexProtocolException
{
    public MessageTooLargeException(long limit) : base($"message exceeds the maximum size of {limit} bytes") => Limit = limit;

    public long Limit { get; }
}

/// <summary>The peer did not finish sending (half-close) within the configured read timeout.</summary>
internal sealed class ReadTimeoutException : EthrexProtocolException
{
    public ReadTimeoutException(TimeSpan timeout) : base($"peer did not finish its message within {timeout.TotalMilliseconds:0} ms") => Timeout = timeout;

    public TimeSpan Timeout { get; }
}

/// <summary>A TCP connect did not complete within the configured connect timeout.</summary>
internal sealed class ConnectTimeoutException : EthrexProtocolException
{
    public ConnectTimeoutException(string endpoint, TimeSpan timeout)
        : base($"connect to {endpoint} did not complete within {timeout.TotalMilliseconds:0} ms") { }
}

/// <summary>A connection was refused because the configured number of concurrent connections was reached.</summary>
internal sealed class ConnectionLimitException : EthrexProtocolException
{
    public ConnectionLimitException(int limit) : base($"connection limit of {limit} concurrent connections reached") => Limit = limit;

    public int Limit { get; }
}

/// <summary>The peer closed the connection without answering (ethrex's coordinator does that on any error).</summary>
internal sealed class EmptyResponseException : EthrexProtocolException
{
    public EmptyResponseException(string endpoint) : base($"{endpoint} closed the connection without a response") { }
}
