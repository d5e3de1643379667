using System.Text;
using Proving.Hosts.Common.Nats.JetStream;

namespace Proving.Hosts.Tests.Nats;

/// <summary>Reads every message stored on a subject through a fresh durable consumer (the test's view of a stream).</summary>
internal static class StreamContents
{
    /// <summary>All payloads on <paramref name="subject"/>, in stream order, with their headers' first values of <paramref name="header"/>.</summary>
    public static async Task<List<(string Payload, string? Header)>> ReadAsync(JetStreamContext js, string stream, string subject, string header = "")
    {
        var name = "reader-" + Guid.NewGuid().ToString("N")[..10];
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = name, FilterSubject = subject, AckPolicy = "none" });
        var result = new List<(string, string?)>();
        while (true)
        {
            var batch = await js.FetchAsync(stream, name, 500, TimeSpan.FromMilliseconds(300));
            if (batch.Count == 0) return result;
            result.AddRange(batch.Select(m => (Encoding.UTF8.GetString(m.Data), m.Msg.Headers?[header])));
        }
    }

    /// <summary>Just the payloads.</summary>
    public static async Task<List<string>> PayloadsAsync(JetStreamContext js, string stream, string subject) =>
        (await ReadAsync(js, stream, subject)).Select(p => p.Payload).ToList();
}
