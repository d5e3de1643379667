using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Proving.Ethrex.Protocol;
using Proving.Ethrex.Transport;

namespace Proving.Ethrex.Coordinator;

/// <summary>
/// The ProofCoordinator's TCP side: one request per connection, read to the client's half-close, one reply,
/// close (spec §1). Unlike ethrex it bounds each connection's read time and request size and the number of
/// connections handled at once; each violation is a typed error, logged with the peer, and the connection is
/// closed without a reply, as ethrex does on any error.
/// </summary>
internal sealed class CoordinatorServer : IAsyncDisposable
{
    private readonly CoordinatorOptions _options;
    private readonly CoordinatorService _service;
    private readonly ILogger _log;
    private readonly MessageCodec _codec;
    private readonly SemaphoreSlim _slots;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private Task? _acceptLoop;

    public CoordinatorServer(CoordinatorOptions options, CoordinatorService service, ILogger log)
    {
        _options = options;
        _service = service;
        _log = log;
        _codec = new MessageCodec(options.Generation);
        _slots = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
        _listener = new TcpListener(IPAddress.Parse(options.ListenAddress), options.Port);
    }

    /// <summary>The bound port (useful with port 0).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Start()
    {
        _listener.Start(backlog: 512);
        _log.LogInformation("proof coordinator ({Generation}) listening on {Address}:{Port}, version {Version}, needed types {Types}",
            _options.Generation, _options.ListenAddress, Port, _options.CommitHash, string.Join(",", _options.NeededProofTypes.Select(ProverTypes.Name)));
        _acceptLoop = AcceptLoopAsync(_stop.Token);
    }

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { break; }
            catch (SocketException e)
            {
                _log.LogWarning("accept failed: {Error}", e.Message);
                continue;
            }
            var peer = socket.RemoteEndPoint?.ToString() ?? "?";
            if (!_slots.Wait(0))
            {
                var error = new ConnectionLimitException(_options.MaxConnections);
                _log.LogWarning("{Peer}: {Error}; closing", peer, error.Message);
                socket.Dispose();
                continue;
            }
            _ = Task.Run(() => HandleAsync(socket, peer, ct), CancellationToken.None);
        }
    }

    private async Task HandleAsync(Socket socket, string peer, CancellationToken ct)
    {
        try
        {
            var limits = _options.Limits;
            var bytes = await MessageStream.ReadToEndAsync(socket, limits.MaxMessageBytes, limits.ReadTimeout, ct).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                _log.LogWarning("{Peer}: closed without sending a request", peer);
                return;
            }
            var request = _codec.DecodeRequest(bytes);
            var response = _service.Handle(request, peer);
            await MessageStream.WriteAndHalfCloseAsync(socket, _codec.Encode(response), limits.ReadTimeout, ct).ConfigureAwait(false);
        }
        catch (MessageTooLargeException e) { _log.LogWarning("{Peer}: {Error}; closing without a reply", peer, e.Message); }
        catch (ReadTimeoutException e) { _log.LogWarning("{Peer}: {Error} (no half-close); closing without a reply", peer, e.Message); }
        catch (MalformedMessageException e) { _log.LogWarning("{Peer}: malformed message: {Error}; closing without a reply", peer, e.Message); }
        catch (UnexpectedMessageException e) { _log.LogWarning("{Peer}: {Error}; closing without a reply", peer, e.Message); }
        catch (RejectedSubmissionException e) { _log.LogWarning("{Error}; closing without a reply", e.Message); }
        catch (EthrexProtocolException e) { _log.LogWarning("{Peer}: {Error}", peer, e.Message); }
        catch (SocketException e) { _log.LogWarning("{Peer}: connection error: {Error}", peer, e.Message); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e) { _log.LogError(e, "{Peer}: internal error; closing without a reply", peer); }
        finally
        {
            socket.Dispose();
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        if (_acceptLoop != null) await _acceptLoop.ConfigureAwait(false);
        // Every handler holds a slot until it ends: taking them all waits for the running ones.
        for (var i = 0; i < _options.MaxConnections; i++)
            await _slots.WaitAsync().ConfigureAwait(false);
        _stop.Dispose();
        _slots.Dispose();
    }
}
