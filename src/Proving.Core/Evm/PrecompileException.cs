namespace Proving.Core.Evm;

/// <summary>A BN254 precompile call failed, for the reason in <see cref="Error"/> (the EVM would revert the call).</summary>
public sealed class PrecompileException : Exception
{
    /// <summary>Creates the exception for a failure reason.</summary>
    public PrecompileException(string precompile, PrecompileError error)
        : base($"{precompile} failed: {error}") => Error = error;

    /// <summary>The reason the call failed (never <see cref="PrecompileError.None"/>).</summary>
    public PrecompileError Error { get; }
}
