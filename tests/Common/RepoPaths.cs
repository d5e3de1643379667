namespace Proving.Testing;

/// <summary>Locations in the repository and of the tools that <c>scripts/install.sh</c> installs.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Proving.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Proving.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding Proving.sln).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The shared folder beside the repository (<c>../shared</c>): vectors, peers, specs. A git worktree
    /// nested one level deeper (e.g. <c>wt/name</c>) finds the nearest <c>shared</c> folder beside an ancestor.</summary>
    public static string Shared => SharedLazy.Value;

    private static readonly Lazy<string> SharedLazy = new(() =>
    {
        var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
        for (var dir = Directory.GetParent(Root); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "vectors"))) return candidate;
        }
        return beside;
    });

    /// <summary>The built <c>proving</c> CLI (src/Hosts/Proving.Cli, Release), to run as <c>dotnet &lt;path&gt; ...</c>.</summary>
    public static string ProvingCli => Path.Combine(Root, "src", "Hosts", "Proving.Cli", "bin", "Release", "net10.0", "proving.dll");

    /// <summary>An npm tool installed in <c>tools/node_modules/.bin</c> (anvil, snarkjs, circom2, solcjs).</summary>
    public static string NodeTool(string name)
    {
        var path = Path.Combine(Root, "tools", "node_modules", ".bin", name);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{name} is not installed; run scripts/install.sh", path);
        return path;
    }

    /// <summary>A program on PATH (nats-server, qemu-riscv32, ...); throws naming the install fragment when missing.</summary>
    public static string OnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{name} is not on PATH; run scripts/install.sh");
    }
}
