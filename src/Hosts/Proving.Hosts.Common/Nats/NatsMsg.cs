namespace Proving.Hosts.Common.Nats;

/// <summary>A message delivered to a subscription (MSG or HMSG).</summary>
/// <param name="Subject">The subject it was published to.</param>
/// <param name="ReplyTo">The reply subject, or null.</param>
/// <param name="Headers">The headers (HMSG), or null (MSG).</param>
/// <param name="Data">The payload bytes.</param>
public sealed record NatsMsg(string Subject, string? ReplyTo, NatsHeaders? Headers, byte[] Data)
{
    /// <summary>The header status code (0 when absent); 503 means "no responders".</summary>
    public int Status => Headers?.Status ?? 0;
}
