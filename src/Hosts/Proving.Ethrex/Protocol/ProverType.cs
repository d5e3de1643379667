namespace Proving.Ethrex.Protocol;

/// <summary>
/// ethrex's <c>ProverType</c> unit enum. The JSON names are case-sensitive (<c>"Exec"</c>, <c>"RISC0"</c>,
/// <c>"SP1"</c>, <c>"TDX"</c>) and the numeric values are ethrex's database/<c>u32</c> codes
/// (crates/l2/common/src/prover.rs; spec §3.1).
/// </summary>
internal enum ProverType
{
    Exec = 0,
    RISC0 = 1,
    SP1 = 2,
    TDX = 3,
}

/// <summary>Parsing and naming of <see cref="ProverType"/> exactly as serde writes it.</summary>
internal static class ProverTypes
{
    public static string Name(ProverType type) => type switch
    {
        ProverType.Exec => "Exec",
        ProverType.RISC0 => "RISC0",
        ProverType.SP1 => "SP1",
        ProverType.TDX => "TDX",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an ethrex prover type"),
    };

    /// <summary>Parses a case-sensitive wire name; false for anything else.</summary>
    public static bool TryParse(string? name, out ProverType type)
    {
        switch (name)
        {
            case "Exec": type = ProverType.Exec; return true;
            case "RISC0": type = ProverType.RISC0; return true;
            case "SP1": type = ProverType.SP1; return true;
            case "TDX": type = ProverType.TDX; return true;
            default: type = default; return false;
        }
    }

    /// <summary>Parses a user-supplied name (command line), ignoring case; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static ProverType ParseLenient(string name)
    {
        foreach (var t in Enum.GetValues<ProverType>())
            if (string.Equals(Name(t), name.Trim(), StringComparison.OrdinalIgnoreCase))
                return t;
        throw new ArgumentException($"unknown prover type '{name}' (expected Exec, RISC0, SP1 or TDX)");
    }

    /// <summary>Parses a comma-separated list such as <c>"SP1,RISC0"</c>.</summary>
    public static IReadOnlyList<ProverType> ParseList(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseLenient).Distinct().ToArray();
}
