namespace Proving.Hosts.Common.EthRpc;

/// <summary>An Ethereum JSON-RPC call failed: an error object in the reply, a malformed reply, or a transport failure.</summary>
public sealed class JsonRpcException : Exception
{
    /// <summary>Creates the exception; <paramref name="code"/> is the JSON-RPC error code when the node sent one.</summary>
    public JsonRpcException(string message, int? code = null, Exception? inner = null) : base(message, inner) => Code = code;

    /// <summary>The JSON-RPC error code (e.g. -32601 method not found), or null.</summary>
    public int? Code { get; }
}
