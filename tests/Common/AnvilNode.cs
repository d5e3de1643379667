using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Proving.Testing;

/// <summary>
/// A local anvil (Foundry's EVM node, from tools/node_modules) on 127.0.0.1 and a free port, with a minimal
/// JSON-RPC client (batched calls). Dispose kills the process tree. Throws when anvil is missing or does not answer.
/// </summary>
public sealed class AnvilNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private int _nextId;

    private AnvilNode(Process process, Uri url) { _process = process; Url = url; }

    /// <summary>The JSON-RPC endpoint.</summary>
    public Uri Url { get; }

    /// <summary>
    /// Starts anvil and waits until eth_chainId answers (up to 30 s). Retries twice on a fresh port when anvil exits
    /// early (another process may take the free port between the probe and anvil's bind).
    /// </summary>
    public static async Task<AnvilNode> StartAsync()
    {
        for (int attempt = 1; ; attempt++)
        {
            try { return await StartOnceAsync(); }
            catch (AnvilExitedException) when (attempt < 3) { }
        }
    }

    private sealed class AnvilExitedException(string message) : InvalidOperationException(message);

    private static async Task<AnvilNode> StartOnceAsync()
    {
        var exe = RepoPaths.NodeTool("anvil");
        int port = FreePort();
        var psi = new ProcessStartInfo(exe)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "--host", "127.0.0.1", "--port", port.ToString(), "--silent" }) psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("anvil did not start");
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (stderr) if (stderr.Length < 4000) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new AnvilNode(process, new Uri($"http://127.0.0.1:{port}/"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                int code = process.ExitCode;
                await node.DisposeAsync();
                await Task.Delay(100); // let the stderr reader finish
                lock (stderr) throw new AnvilExitedException($"anvil exited with code {code}: {stderr}");
            }
            try
            {
                var r = await node.CallAsync("eth_chainId", JsonDocument.Parse("[]").RootElement);
                if (r.TryGetProperty("result", out _)) return node;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
            {
                await node.DisposeAsync();
                throw new TimeoutException("anvil did not answer eth_chainId within 30 s");
            }
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>One JSON-RPC call; returns the whole response object (with "result" or "error").</summary>
    public async Task<JsonElement> CallAsync(string method, JsonElement parameters) =>
        (await BatchAsync([(method, parameters)]))[0];

    /// <summary>
    /// Sends the calls as one JSON-RPC batch and returns the response objects in request order (each with
    /// "result" or "error").
    /// </summary>
    public async Task<JsonElement[]> BatchAsync(IReadOnlyList<(string Method, JsonElement Params)> calls)
    {
        int first = Interlocked.Add(ref _nextId, calls.Count) - calls.Count;
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartArray();
            for (int i = 0; i < calls.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("jsonrpc", "2.0");
                w.WriteNumber("id", first + i);
                w.WriteString("method", calls[i].Method);
                w.WritePropertyName("params");
                calls[i].Params.WriteTo(w);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        using var content = new StringContent(Encoding.UTF8.GetString(ms.ToArray()), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(Url, content);
        response.EnsureSuccessStatusCode();
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var byId = new Dictionary<int, JsonElement>();
        foreach (var item in doc.RootElement.EnumerateArray()) byId[item.GetProperty("id").GetInt32()] = item.Clone();
        var result = new JsonElement[calls.Count];
        for (int i = 0; i < calls.Count; i++)
            result[i] = byId.TryGetValue(first + i, out var v) ? v : throw new InvalidOperationException($"no response for id {first + i}");
        return result;
    }

    /// <summary>eth_call parameters: [{"to": address, "data": 0x-hex}, "latest"].</summary>
    public static JsonElement EthCallParams(string to, ReadOnlySpan<byte> data) =>
        JsonDocument.Parse($"[{{\"to\":\"{to}\",\"data\":\"0x{Convert.ToHexString(data).ToLowerInvariant()}\"}},\"latest\"]").RootElement;

    /// <summary>Kills anvil (and its child processes) and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException) { }
        catch (TimeoutException) { }
        _process.Dispose();
    }
}
