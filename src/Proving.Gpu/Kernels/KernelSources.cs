using System.Text;
using System.Text.RegularExpressions;

namespace Proving.Gpu;

/// <summary>
/// The kernel sources of native/kernels, embedded in this assembly as resources named "kernels/&lt;file&gt;".
/// <see cref="Load"/> inlines every <c>#include "file"</c> line (recursively, from the same resources), so one
/// self-contained text goes to NVRTC or clBuildProgram and the cache key covers every header.
/// </summary>
public static partial class KernelSources
{
    private const string Prefix = "kernels/";
    private const int MaxDepth = 16;

    /// <summary>The files of native/kernels in this build (e.g. "common.h", "field.h", "vecops.c").</summary>
    public static IReadOnlyList<string> Files { get; } = typeof(KernelSources).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The kernel entry files (".c"): the units that are compiled on their own.</summary>
    public static IReadOnlyList<string> EntryFiles { get; } = Files.Where(f => f.EndsWith(".c", StringComparison.Ordinal)).ToArray();

    /// <summary>The text of <paramref name="file"/> with its includes inlined.</summary>
    /// <exception cref="FileNotFoundException">The file, or a file it includes, is not embedded.</exception>
    /// <exception cref="InvalidOperationException">Includes nest deeper than 16 levels (an include cycle).</exception>
    public static string Load(string file)
    {
        var sb = new StringBuilder();
        Append(sb, file, 0);
        return sb.ToString();
    }

    /// <summary>The raw text of one embedded file, includes not resolved.</summary>
    /// <exception cref="FileNotFoundException">The file is not embedded.</exception>
    public static string Raw(string file)
    {
        using var stream = typeof(KernelSources).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new FileNotFoundException($"kernel source '{file}' is not embedded in Proving.Gpu (native/kernels)", file);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void Append(StringBuilder sb, string file, int depth)
    {
        if (depth > MaxDepth) throw new InvalidOperationException($"kernel includes nest deeper than {MaxDepth} levels at '{file}' (include cycle?)");
        sb.Append("// ---- ").Append(file).Append('\n');
        foreach (var line in Raw(file).Split('\n'))
        {
            var m = IncludeLine().Match(line);
            if (m.Success) Append(sb, m.Groups[1].Value, depth + 1);
            else sb.Append(line).Append('\n');
        }
    }

    [GeneratedRegex("^\\s*#\\s*include\\s+\"([^\"]+)\"\\s*$")]
    private static partial Regex IncludeLine();
}
