using System.IO.Compression;

namespace Proving.Testing;

/// <summary>
/// Groth16 fixtures made by tests/fixtures/generate.sh: committed ones in tests/fixtures/&lt;name&gt;/ (binaries over
/// 1 MB stored as .gz and unpacked here into tests/fixtures/cache/unpacked/), larger ones in tests/fixtures/cache/&lt;name&gt;/,
/// generated on first use by running the script (minutes).
/// </summary>
public static class Fixtures
{
    private static readonly object Gate = new();

    /// <summary>tests/fixtures.</summary>
    public static string Dir => Path.Combine(RepoPaths.Root, "tests", "fixtures");

    /// <summary>The path of <paramref name="file"/> in fixture <paramref name="name"/>, unpacking or generating it when needed.</summary>
    public static string File(string name, string file)
    {
        lock (Gate)
        {
            var committed = Path.Combine(Dir, name, file);
            if (System.IO.File.Exists(committed)) return committed;
            if (System.IO.File.Exists(committed + ".gz"))
            {
                var target = Path.Combine(Dir, "cache", "unpacked", name, file);
                if (!System.IO.File.Exists(target) || System.IO.File.GetLastWriteTimeUtc(target) < System.IO.File.GetLastWriteTimeUtc(committed + ".gz"))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    using (var src = new GZipStream(System.IO.File.OpenRead(committed + ".gz"), CompressionMode.Decompress))
                    using (var dst = System.IO.File.Create(target + ".tmp"))
                        src.CopyTo(dst);
                    System.IO.File.Move(target + ".tmp", target, overwrite: true);
                }
                return target;
            }
            var cached = Path.Combine(Dir, "cache", name, file);
            if (!System.IO.File.Exists(cached)) Generate(name);
            return System.IO.File.Exists(cached) ? cached : throw new FileNotFoundException($"fixture {name}/{file} missing after generate.sh", cached);
        }
    }

    private static void Generate(string name)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(Dir, "generate.sh"), name]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"generate.sh {name} failed ({p.ExitCode}): {err.Result}{output.Result}");
    }

    /// <summary>A fresh temporary directory (deleted by the caller or left in /tmp).</summary>
    public static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "proving-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(d);
        return d;
    }
}
