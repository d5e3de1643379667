using System.Text.Json;

namespace Proving.Testing;

/// <summary>The cross-check vectors in ../shared/vectors/bn254.json (made with @noble/curves; canonical values).</summary>
public static class SharedVectors
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Shared, "vectors", "bn254.json"))));

    /// <summary>The root element of bn254.json.</summary>
    public static JsonElement Root => Doc.Value.RootElement;

    /// <summary>The decimal value of a {"dec": ..., "hex": ...} node.</summary>
    public static System.Numerics.BigInteger Dec(JsonElement node) =>
        System.Numerics.BigInteger.Parse(node.GetProperty("dec").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The 32 big-endian bytes of a {"dec": ..., "hex": ...} node.</summary>
    public static byte[] Hex(JsonElement node) => Convert.FromHexString(node.GetProperty("hex").GetString()!);
}
