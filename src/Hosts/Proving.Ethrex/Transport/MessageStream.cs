using System.Buffers;
using System.Net.Sockets;
using Proving.Ethrex.Protocol;

namespace Proving.Ethrex.Transport;

/// <summary>
/// The framing of every generation (spec §1): one compact JSON document per direction, ended by the sender's
/// half-close (TCP FIN). No length prefix, no delimiter.
/// </summary>
internal static class MessageStream
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// Reads until the peer half-closes. Throws <see cref="MessageTooLargeException"/> as soon as more than
    /// <paramref name="maxBytes"/> bytes arrive and <see cref="ReadTimeoutException"/> when the whole message
    /// takes longer than <paramref name="timeout"/>.
    /// </summary>
    public static async Task<byte[]> ReadToEndAsync(Socket socket, long maxBytes, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes);
        try
        {
            while (true)
            {
                var room = buffer.GetMemory(ChunkBytes);
                var n = await socket.ReceiveAsync(room, SocketFlags.None, deadline.Token).ConfigureAwait(false);
                if (n == 0)
                    return buffer.WrittenSpan.ToArray();
                buffer.Advance(n);
                if (buffer.WrittenCount > maxBytes)
                    throw new MessageTooLargeException(maxBytes);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ReadTimeoutException(timeout);
        }
    }

    /// <summary>Writes the whole message, then half-closes the write side (the peer reads to end of stream).</summary>
    public static async Task WriteAndHalfCloseAsync(Socket socket, ReadOnlyMemory<byte> message, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            while (!message.IsEmpty)
            {
                var n = await socket.SendAsync(message, SocketFlags.None, deadline.Token).ConfigureAwait(false);
                message = message[n..];
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new EthrexProtocolException($"peer did not take the message within {timeout.TotalMilliseconds:0} ms");
        }
        socket.Shutdown(SocketShutdown.Send);
    }
}
