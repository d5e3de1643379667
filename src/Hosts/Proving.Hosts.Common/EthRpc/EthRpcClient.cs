using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Proving.Hosts.Common.EthRpc;

/// <summary>
/// A minimal Ethereum JSON-RPC 2.0 client over HTTP POST: generic <see cref="CallAsync"/> plus typed helpers.
/// Quantities are hex strings with a 0x prefix (Ethereum JSON-RPC "QUANTITY" encoding).
/// </summary>
public sealed class EthRpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private long _id;

    /// <summary>Creates a client for <paramref name="endpoint"/>; uses <paramref name="http"/> when given (not disposed here).</summary>
    public EthRpcClient(Uri endpoint, HttpClient? http = null)
    {
        Endpoint = endpoint;
        _ownsHttp = http == null;
        _http = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The node's URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>Calls <paramref name="method"/> with positional parameters and returns a copy of the <c>result</c> member.</summary>
    /// <exception cref="JsonRpcException">Transport error, non-2xx status, malformed reply, or an <c>error</c> object.</exception>
    public async Task<JsonElement> CallAsync(string method, object?[]? parameters = null, CancellationToken ct = default)
    {
        var request = JsonSerializer.SerializeToUtf8Bytes(new
        {
            jsonrpc = "2.0", id = Interlocked.Increment(ref _id), method, @params = parameters ?? [],
        });
        using var content = new ByteArrayContent(request);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpResponseMessage response;
        try { response = await _http.PostAsync(Endpoint, content, ct).ConfigureAwait(false); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new JsonRpcException($"{method}: cannot reach {Endpoint}: {e.Message}", inner: e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new JsonRpcException($"{method}: HTTP {(int)response.StatusCode}: {Snippet(body)}");
            try
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw new JsonRpcException($"{method}: reply is not an object");
                if (root.TryGetProperty("error", out var err) && err.ValueKind == JsonValueKind.Object)
                {
                    int? code = err.TryGetProperty("code", out var c) && c.TryGetInt32(out var ci) ? ci : null;
                    var msg = err.TryGetProperty("message", out var m) ? m.ToString() : err.ToString();
                    throw new JsonRpcException($"{method}: {msg}", code);
                }
                if (!root.TryGetProperty("result", out var result)) throw new JsonRpcException($"{method}: reply has no result");
                return result.Clone();
            }
            catch (JsonException e) { throw new JsonRpcException($"{method}: reply is not JSON: {Snippet(body)}", inner: e); }
        }
    }

    /// <summary><c>eth_blockNumber</c>: the number of the most recent block.</summary>
    public async Task<ulong> BlockNumberAsync(CancellationToken ct = default) =>
        ParseQuantity(await CallAsync("eth_blockNumber", null, ct).ConfigureAwait(false), "eth_blockNumber");

    /// <summary><c>eth_chainId</c>.</summary>
    public async Task<ulong> ChainIdAsync(CancellationToken ct = default) =>
        ParseQuantity(await CallAsync("eth_chainId", null, ct).ConfigureAwait(false), "eth_chainId");

    /// <summary>Parses a QUANTITY (<c>"0x"</c> followed by 1-16 hex digits).</summary>
    /// <exception cref="JsonRpcException">Not a quantity that fits in 64 bits.</exception>
    public static ulong ParseQuantity(JsonElement value, string what = "value")
    {
        var s = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        if (s.Length < 3 || s.Length > 18 || !s.StartsWith("0x", StringComparison.Ordinal)
            || !ulong.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var n))
            throw new JsonRpcException($"{what}: not a 64-bit QUANTITY: {value}");
        return n;
    }

    private static string Snippet(byte[] body)
    {
        var s = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));
        return body.Length > 200 ? s + "..." : s;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
