using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Proving.Hosts.Common.Nats;

namespace Proving.Hosts.Tests.Nats;

/// <summary>Parsing of server operations, including malformed and hostile input.</summary>
public sealed class NatsProtocolReaderTests
{
    private static List<NatsServerOp> ReadAll(byte[] wire, int maxPayload = 1 << 20)
    {
        var reader = new NatsProtocolReader(new MemoryStream(wire), maxPayload);
        var ops = new List<NatsServerOp>();
        while (true)
        {
            try { ops.Add(reader.ReadAsync().AsTask().GetAwaiter().GetResult()); }
            catch (EndOfStreamException) { return ops; }
        }
    }

    private static byte[] A(string s) => Encoding.ASCII.GetBytes(s);

    [Fact]
    public void ParsesEveryOperation()
    {
        var hdr = "NATS/1.0\r\nNats-Msg-Id: 7\r\n\r\n";
        var wire = A("INFO {\"max_payload\":100}\r\nPING\r\npong\r\n+OK\r\n-ERR 'Unknown Protocol Operation'\r\n" +
                     "MSG a.b 3 5\r\nhello\r\nMSG a.b 4 reply.x 0\r\n\r\n" +
                     $"HMSG c 9 r {hdr.Length} {hdr.Length + 2}\r\n{hdr}hi\r\nHMSG s 1 16 16\r\nNATS/1.0 503\r\n\r\n\r\n");
        var ops = ReadAll(wire);
        Assert.Equal([NatsServerOpKind.Info, NatsServerOpKind.Ping, NatsServerOpKind.Pong, NatsServerOpKind.Ok, NatsServerOpKind.Err,
            NatsServerOpKind.Msg, NatsServerOpKind.Msg, NatsServerOpKind.Msg, NatsServerOpKind.Msg], ops.Select(o => o.Kind));
        Assert.Equal("{\"max_payload\":100}", ops[0].Text);
        Assert.Equal("Unknown Protocol Operation", ops[4].Text);
        Assert.Equal(("a.b", 3L, null, "hello"), (ops[5].Msg!.Subject, ops[5].Sid, ops[5].Msg!.ReplyTo, Encoding.ASCII.GetString(ops[5].Msg!.Data)));
        Assert.Equal("reply.x", ops[6].Msg!.ReplyTo);
        Assert.Empty(ops[6].Msg!.Data);
        Assert.Equal("7", ops[7].Msg!.Headers![NatsHeaders.MsgId]);
        Assert.Equal("hi", Encoding.ASCII.GetString(ops[7].Msg!.Data));
        Assert.Equal(503, ops[8].Msg!.Status);
    }

    [Theory]
    [InlineData("BOGUS\r\n")]
    [InlineData("MSG a\r\n")]
    [InlineData("MSG a 1 -5\r\n")]
    [InlineData("MSG a 0 1\r\nx\r\n")]
    [InlineData("MSG a 1 3\r\nabcXY")]
    [InlineData("MSG a 1 99999999999\r\n")]
    [InlineData("MSG a 1 2000000\r\n")]
    [InlineData("HMSG a 1 10 5\r\n")]
    [InlineData("HMSG a 1 4 4\r\nXXXX\r\n")]
    [InlineData("HMSG a 1 14 14\r\nNATS/1.0 abc\r\n\r\n")]
    public void MalformedInput_ThrowsProtocolException(string wire) =>
        Assert.Throws<NatsProtocolException>(() => ReadAll(A(wire)));

    [Fact]
    public void TruncatedPayload_EndsWithEndOfStream() =>
        Assert.Throws<EndOfStreamException>(() => new NatsProtocolReader(new MemoryStream(A("MSG a 1 10\r\nabc"))).ReadAsync().AsTask().GetAwaiter().GetResult());

    [Fact]
    public void OverlongControlLine_IsRejectedWithoutReadingItAll() =>
        Assert.Throws<NatsProtocolException>(() => ReadAll(A("INFO " + new string('x', 100_000) + "\r\n")));

    [Fact]
    public void RandomBytes_OnlyEverRaiseProtocolOrEndOfStream()
    {
        var prefixes = new[] { "MSG ", "HMSG ", "INFO ", "PING", "-ERR ", "" };
        Prop.ForAll(Arb.From(Gen.Elements(prefixes)), ArbMap.Default.ArbFor<byte[]>(), (prefix, tail) =>
        {
            try { ReadAll([.. A(prefix), .. tail], maxPayload: 4096); return true; }
            catch (NatsProtocolException) { return true; }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Headers_EncodeParse_RoundTrip()
    {
        var token = Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".ToCharArray())
            .ArrayOf().Where(a => a.Length > 0).Select(a => new string(a));
        var pairs = Gen.Zip(token, token).ListOf();
        Prop.ForAll(Arb.From(pairs), list =>
        {
            var h = new NatsHeaders();
            foreach (var (k, v) in list) h.Add(k, v);
            var back = NatsHeaders.Parse(h.Encode());
            return back.Items.SequenceEqual(h.Items);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("bad name", "v")]
    [InlineData("name:", "v")]
    [InlineData("n", "a\r\nb")]
    public void Headers_RejectUnwritableNamesAndValues(string name, string value) =>
        Assert.Throws<ArgumentException>(() => new NatsHeaders().Add(name, value));
}
