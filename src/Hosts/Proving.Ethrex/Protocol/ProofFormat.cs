namespace Proving.Ethrex.Protocol;

/// <summary>
/// ethrex's <c>ProofFormat</c>: <c>"Groth16"</c> (EVM-verifiable, the default) or <c>"Compressed"</c> (a STARK,
/// used in Aligned mode). The coordinator chooses it (spec §3.1).
/// </summary>
internal enum ProofFormat
{
    Groth16,
    Compressed,
}

internal static class ProofFormats
{
    public static string Name(ProofFormat format) => format == ProofFormat.Compressed ? "Compressed" : "Groth16";

    public static bool TryParse(string? name, out ProofFormat format)
    {
        switch (name)
        {
            case "Groth16": format = ProofFormat.Groth16; return true;
            case "Compressed": format = ProofFormat.Compressed; return true;
            default: format = default; return false;
        }
    }
}
