namespace Proving.Hosts.Common.Nats;

/// <summary>Kinds of operations a NATS server sends to a client.</summary>
public enum NatsServerOpKind
{
    /// <summary>INFO {json}</summary>
    Info,
    /// <summary>MSG or HMSG, with the message in <see cref="NatsServerOp.Msg"/>.</summary>
    Msg,
    /// <summary>PING</summary>
    Ping,
    /// <summary>PONG</summary>
    Pong,
    /// <summary>+OK</summary>
    Ok,
    /// <summary>-ERR 'text'</summary>
    Err,
}

/// <summary>One parsed server operation.</summary>
/// <param name="Kind">The operation.</param>
/// <param name="Text">INFO JSON or -ERR text; empty otherwise.</param>
/// <param name="Sid">Subscription id of a message; 0 otherwise.</param>
/// <param name="Msg">The message of MSG/HMSG; null otherwise.</param>
public sealed record NatsServerOp(NatsServerOpKind Kind, string Text = "", long Sid = 0, NatsMsg? Msg = null);
