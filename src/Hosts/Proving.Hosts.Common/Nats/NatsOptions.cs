namespace Proving.Hosts.Common.Nats;

/// <summary>Connection settings for <see cref="NatsConnection"/>.</summary>
public sealed record NatsOptions
{
    /// <summary>Server host name or address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Server client port (NATS default 4222).</summary>
    public int Port { get; init; } = 4222;

    /// <summary>User for user/password authentication, or null.</summary>
    public string? User { get; init; }

    /// <summary>Password for user/password authentication, or null.</summary>
    public string? Password { get; init; }

    /// <summary>Token for token authentication, or null.</summary>
    public string? Token { get; init; }

    /// <summary>Client name sent in CONNECT (shows in the server's monitoring).</summary>
    public string Name { get; init; } = "proving";

    /// <summary>Timeout of one connect attempt (TCP + INFO + CONNECT/PING/PONG).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First delay between reconnect attempts; doubled after each failure up to <see cref="ReconnectDelayMax"/>.</summary>
    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Largest delay between reconnect attempts.</summary>
    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a publish waits for a reconnect before failing with <see cref="NatsConnectionException"/>.</summary>
    public TimeSpan ReconnectWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Interval of client PINGs; two unanswered PINGs drop the connection and start a reconnect.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Parses a NATS URL: <c>nats://[user:password@|token@]host[:port]</c> (scheme <c>nats</c> or <c>tcp</c>;
    /// a bare <c>host:port</c> is accepted too). Only the first URL of a comma-separated list is used.
    /// </summary>
    /// <exception cref="FormatException">The URL is not of that form.</exception>
    public static NatsOptions FromUrl(string url)
    {
        var first = url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
                    ?? throw new FormatException("empty NATS URL");
        if (!first.Contains("://")) first = "nats://" + first;
        if (!Uri.TryCreate(first, UriKind.Absolute, out var uri) || (uri.Scheme != "nats" && uri.Scheme != "tcp") || uri.Host.Length == 0)
            throw new FormatException($"not a NATS URL: '{url}'");
        string? user = null, password = null, token = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            if (parts.Length == 2) { user = Uri.UnescapeDataString(parts[0]); password = Uri.UnescapeDataString(parts[1]); }
            else token = Uri.UnescapeDataString(parts[0]);
        }
        return new NatsOptions { Host = uri.Host, Port = uri.Port > 0 ? uri.Port : 4222, User = user, Password = password, Token = token };
    }
}
