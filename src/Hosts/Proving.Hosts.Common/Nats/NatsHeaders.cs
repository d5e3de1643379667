using System.Text;

namespace Proving.Hosts.Common.Nats;

/// <summary>
/// NATS message headers: the block a HPUB/HMSG carries before the payload. Wire form (NATS client protocol,
/// "headers" section): <c>NATS/1.0[ status[ description]]\r\n</c>, then <c>Name: value\r\n</c> lines, then <c>\r\n</c>.
/// Names are matched case-insensitively; a name may carry several values.
/// </summary>
public sealed class NatsHeaders
{
    /// <summary>The header JetStream uses to drop duplicate publishes within the stream's duplicate window.</summary>
    public const string MsgId = "Nats-Msg-Id";

    private const string Version = "NATS/1.0";
    private readonly List<KeyValuePair<string, string>> _items = new();

    /// <summary>The status code of a status message (e.g. 503 no responders, 404/408 for pull requests), or 0.</summary>
    public int Status { get; init; }

    /// <summary>The description after the status code, or empty.</summary>
    public string StatusDescription { get; init; } = "";

    /// <summary>All header lines in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    /// <summary>Adds a value. Names may not contain ':' or whitespace; values may not contain CR or LF.</summary>
    /// <exception cref="ArgumentException">The name or value cannot be written on the wire.</exception>
    public NatsHeaders Add(string name, string value)
    {
        if (name.Length == 0 || name.Any(c => c == ':' || char.IsWhiteSpace(c) || c > 126))
            throw new ArgumentException($"invalid header name '{name}'", nameof(name));
        if (value.Contains('\r') || value.Contains('\n'))
            throw new ArgumentException("header value contains CR or LF", nameof(value));
        _items.Add(new(name, value));
        return this;
    }

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? this[string name] =>
        _items.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Encodes the header block (ASCII), ending with the empty line.</summary>
    public byte[] Encode()
    {
        var sb = new StringBuilder(Version);
        if (Status != 0) sb.Append(' ').Append(Status).Append(StatusDescription.Length > 0 ? " " + StatusDescription : "");
        sb.Append("\r\n");
        foreach (var (k, v) in _items) sb.Append(k).Append(": ").Append(v).Append("\r\n");
        sb.Append("\r\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>Parses a header block as sent in HMSG.</summary>
    /// <exception cref="NatsProtocolException">The block does not start with <c>NATS/1.0</c> or has a malformed line.</exception>
    public static NatsHeaders Parse(ReadOnlySpan<byte> block)
    {
        var text = Encoding.ASCII.GetString(block);
        var lines = text.Split("\r\n");
        if (lines.Length == 0 || !lines[0].StartsWith(Version, StringComparison.Ordinal))
            throw new NatsProtocolException("header block does not start with NATS/1.0");
        int status = 0;
        string description = "";
        var statusPart = lines[0][Version.Length..].Trim();
        if (statusPart.Length > 0)
        {
            var sp = statusPart.IndexOf(' ');
            var code = sp < 0 ? statusPart : statusPart[..sp];
            if (!int.TryParse(code, out status) || status is < 100 or > 999)
                throw new NatsProtocolException($"bad header status '{statusPart}'");
            description = sp < 0 ? "" : statusPart[(sp + 1)..].Trim();
        }
        var headers = new NatsHeaders { Status = status, StatusDescription = description };
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0) continue;
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new NatsProtocolException($"bad header line '{line}'");
            headers._items.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return headers;
    }
}
