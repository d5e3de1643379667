using System.Globalization;
using Proving.Ethrex.Protocol;

namespace Proving.Ethrex.Transport;

/// <summary>
/// One coordinator a prover polls: host, port and protocol generation. Parsed from <c>tcp://host:3900</c>,
/// <c>http://host:3900</c> (the scheme is otherwise ignored, as in ethrex) or a bare <c>host:3900</c> (G0's
/// <c>PROVER_CLIENT_PROVER_SERVER_ENDPOINT</c>), optionally followed by <c>?protocol=g7</c> to override the
/// default generation for that endpoint. The port is required (spec §1).
/// </summary>
internal sealed record CoordinatorEndpoint(string Host, int Port, ProtocolGeneration Generation)
{
    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)} ({Generation})";

    /// <summary>A stable name for files about this endpoint.</summary>
    public string Key => $"{Host}_{Port.ToString(CultureInfo.InvariantCulture)}_{Generation}";

    /// <summary>Parses one endpoint; throws <see cref="ArgumentException"/> with the reason when it is not usable.</summary>
    public static CoordinatorEndpoint Parse(string text, ProtocolGeneration defaultGeneration)
    {
        var s = text.Trim();
        var generation = defaultGeneration;
        var q = s.IndexOf('?');
        if (q >= 0)
        {
            foreach (var pair in s[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                if (kv.Length == 2 && kv[0] == "protocol")
                    generation = ProtocolGenerations.Parse(kv[1]);
                else
                    throw new ArgumentException($"endpoint '{text}': unknown parameter '{pair}' (only protocol=g0|g7|g8)");
            }
            s = s[..q];
        }
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
            s = s[(scheme + 3)..];
        s = s.TrimEnd('/');
        var colon = s.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(s[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new ArgumentException($"endpoint '{text}' needs a host and a port, e.g. tcp://127.0.0.1:3900");
        var host = s[..colon].Trim('[', ']');
        return new CoordinatorEndpoint(host, port, generation);
    }
}
