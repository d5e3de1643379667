using System.Net.Sockets;
using Proving.Ethrex.Protocol;

namespace Proving.Ethrex.Transport;

/// <summary>
/// The prover side of one exchange: connect (bounded by the connect timeout), write the request, half-close,
/// read the response to end of stream (bounded in time and size), decode it with the endpoint's generation.
/// </summary>
internal sealed class ProtocolClient
{
    private readonly TransportLimits _limits;

    public ProtocolClient(TransportLimits limits) => _limits = limits;

    /// <summary>
    /// Sends <paramref name="request"/> and returns the decoded answer. Throws <see cref="ConnectTimeoutException"/>,
    /// <see cref="ReadTimeoutException"/>, <see cref="MessageTooLargeException"/>, <see cref="EmptyResponseException"/>
    /// (the coordinator closed without answering), the codec's exceptions, or <see cref="SocketException"/>.
    /// </summary>
    public async Task<CoordinatorResponse> ExchangeAsync(CoordinatorEndpoint endpoint, ProverRequest request, CancellationToken ct)
    {
        var codec = new MessageCodec(endpoint.Generation);
        var bytes = codec.Encode(request);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.NoDelay = true;
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            connect.CancelAfter(_limits.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(endpoint.Host, endpoint.Port, connect.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new ConnectTimeoutException(endpoint.ToString(), _limits.ConnectTimeout);
            }
        }
        await MessageStream.WriteAndHalfCloseAsync(socket, bytes, _limits.ReadTimeout, ct).ConfigureAwait(false);
        var response = await MessageStream.ReadToEndAsync(socket, _limits.MaxMessageBytes, _limits.ReadTimeout, ct).ConfigureAwait(false);
        if (response.Length == 0)
            throw new EmptyResponseException(endpoint.ToString());
        return codec.DecodeResponse(response);
    }
}
