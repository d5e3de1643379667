namespace Proving.Core.Circom;

/// <summary>
/// A circom / snarkjs file (.r1cs, .wtns, .zkey, or snarkjs JSON) was rejected: wrong magic or version, a missing,
/// duplicated or truncated section, a length field that disagrees with the file, a field modulus other than
/// BN254's, a value at or above the modulus, or a point off the curve. The message names the file and section.
/// </summary>
public sealed class CircomFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="file"/>, optionally naming a <paramref name="section"/>.</summary>
    public CircomFormatException(string file, string? section, string message, Exception? inner = null)
        : base(section is null ? $"{file}: {message}" : $"{file}, section {section}: {message}", inner)
    {
        File = file;
        Section = section;
    }

    /// <summary>The file that was rejected (the path as given).</summary>
    public string File { get; }

    /// <summary>The section that was rejected (e.g. "2 (constraints)"), or null for the file as a whole.</summary>
    public string? Section { get; }
}
