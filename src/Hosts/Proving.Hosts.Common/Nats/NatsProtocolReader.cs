using System.Text;

namespace Proving.Hosts.Common.Nats;

/// <summary>
/// Reads server operations from a stream: INFO, MSG, HMSG, PING, PONG, +OK, -ERR (NATS client protocol).
/// Control lines are limited to <see cref="MaxControlLine"/> bytes and payloads to the server's announced
/// max_payload, so hostile lengths fail with <see cref="NatsProtocolException"/> instead of allocating.
/// </summary>
public sealed class NatsProtocolReader
{
    /// <summary>Longest control line accepted (the server's own default limit is 4096).</summary>
    public const int MaxControlLine = 4096;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;

    /// <summary>Creates a reader. <paramref name="maxPayload"/> bounds MSG/HMSG sizes in bytes.</summary>
    public NatsProtocolReader(Stream stream, int maxPayload = 64 * 1024 * 1024)
    {
        _stream = stream;
        MaxPayload = maxPayload;
    }

    /// <summary>Largest payload (headers included) accepted, in bytes; set from INFO's max_payload.</summary>
    public int MaxPayload { get; set; }

    /// <summary>Reads the next operation.</summary>
    /// <exception cref="NatsProtocolException">Malformed or oversized input.</exception>
    /// <exception cref="EndOfStreamException">The stream ended (connection closed).</exception>
    public async ValueTask<NatsServerOp> ReadAsync(CancellationToken ct = default)
    {
        var line = await ReadLineAsync(ct).ConfigureAwait(false);
        var sp = line.IndexOf(' ');
        var op = (sp < 0 ? line : line[..sp]).ToUpperInvariant();
        var rest = sp < 0 ? "" : line[(sp + 1)..].Trim();
        switch (op)
        {
            case "PING": return new(NatsServerOpKind.Ping);
            case "PONG": return new(NatsServerOpKind.Pong);
            case "+OK": return new(NatsServerOpKind.Ok);
            case "-ERR": return new(NatsServerOpKind.Err, rest.Trim('\''));
            case "INFO": return new(NatsServerOpKind.Info, rest);
            case "MSG": return await ReadMsgAsync(rest, hasHeaders: false, ct).ConfigureAwait(false);
            case "HMSG": return await ReadMsgAsync(rest, hasHeaders: true, ct).ConfigureAwait(false);
            default: throw new NatsProtocolException($"unknown server operation '{Truncate(line)}'");
        }
    }

    private async ValueTask<NatsServerOp> ReadMsgAsync(string args, bool hasHeaders, CancellationToken ct)
    {
        // MSG <subject> <sid> [reply-to] <#bytes>  |  HMSG <subject> <sid> [reply-to] <#header bytes> <#total bytes>
        var parts = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int sizes = hasHeaders ? 2 : 1;
        if (parts.Length != 2 + sizes && parts.Length != 3 + sizes)
            throw new NatsProtocolException($"bad {(hasHeaders ? "HMSG" : "MSG")} arguments '{Truncate(args)}'");
        if (!long.TryParse(parts[1], out var sid) || sid <= 0) throw new NatsProtocolException($"bad sid '{parts[1]}'");
        string? reply = parts.Length == 3 + sizes ? parts[2] : null;
        int total = ParseSize(parts[^1]);
        int headerLen = hasHeaders ? ParseSize(parts[^2]) : 0;
        if (headerLen > total) throw new NatsProtocolException("header size exceeds total size");
        var body = new byte[total];
        await ReadExactAsync(body, ct).ConfigureAwait(false);
        var crlf = new byte[2];
        await ReadExactAsync(crlf, ct).ConfigureAwait(false);
        if (crlf[0] != '\r' || crlf[1] != '\n') throw new NatsProtocolException("payload not followed by CRLF");
        NatsHeaders? headers = hasHeaders ? NatsHeaders.Parse(body.AsSpan(0, headerLen)) : null;
        var data = hasHeaders ? body.AsSpan(headerLen).ToArray() : body;
        return new(NatsServerOpKind.Msg, Sid: sid, Msg: new NatsMsg(parts[0], reply, headers, data));
    }

    private int ParseSize(string s)
    {
        if (!int.TryParse(s, System.Globalization.NumberStyles.None, null, out var n))
            throw new NatsProtocolException($"bad size '{Truncate(s)}'");
        if (n > MaxPayload) throw new NatsProtocolException($"size {n} exceeds max payload {MaxPayload}");
        return n;
    }

    private async ValueTask<string> ReadLineAsync(CancellationToken ct)
    {
        int scanFrom = _start;
        while (true)
        {
            for (int i = scanFrom; i + 1 < _end; i++)
            {
                if (_buffer[i] == '\r' && _buffer[i + 1] == '\n')
                {
                    var line = Encoding.UTF8.GetString(_buffer, _start, i - _start);
                    _start = i + 2;
                    return line;
                }
            }
            if (_end - _start > MaxControlLine) throw new NatsProtocolException($"control line longer than {MaxControlLine} bytes");
            scanFrom = Math.Max(_start, _end - 1);
            var before = _start;
            await FillAsync(ct).ConfigureAwait(false);
            scanFrom -= before - _start;
        }
    }

    private async ValueTask ReadExactAsync(byte[] target, CancellationToken ct)
    {
        int filled = 0;
        while (filled < target.Length)
        {
            if (_start == _end) await FillAsync(ct).ConfigureAwait(false);
            int n = Math.Min(target.Length - filled, _end - _start);
            Buffer.BlockCopy(_buffer, _start, target, filled, n);
            _start += n;
            filled += n;
        }
    }

    private async ValueTask FillAsync(CancellationToken ct)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) throw new NatsProtocolException("read buffer full");
        int n = await _stream.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
        if (n == 0) throw new EndOfStreamException("connection closed by server");
        _end += n;
    }

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "...";
}
