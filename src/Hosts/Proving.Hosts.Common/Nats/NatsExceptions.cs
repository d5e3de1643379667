namespace Proving.Hosts.Common.Nats;

/// <summary>Base type of every error raised by the NATS client.</summary>
public class NatsException : Exception
{
    /// <summary>Creates the exception with a message and an optional cause.</summary>
    public NatsException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The server sent bytes that do not follow the NATS client protocol (bad op, hostile length, truncation).</summary>
public sealed class NatsProtocolException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsProtocolException(string message) : base(message) { }
}

/// <summary>The connection is closed, or could not be (re)established within the allowed time.</summary>
public sealed class NatsConnectionException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsConnectionException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The server refused the credentials (<c>-ERR 'Authorization Violation'</c>).</summary>
public sealed class NatsAuthorizationException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsAuthorizationException(string message) : base(message) { }
}

/// <summary>A request got no reply in time.</summary>
public sealed class NatsTimeoutException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsTimeoutException(string message) : base(message) { }
}

/// <summary>A request was published to a subject that no subscriber listens on (status 503).</summary>
public sealed class NatsNoRespondersException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsNoRespondersException(string subject) : base($"no responders on '{subject}'") { }
}
