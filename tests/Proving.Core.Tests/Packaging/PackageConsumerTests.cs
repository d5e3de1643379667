namespace Proving.Core.Tests.Packaging;

/// <summary>A fresh console project restores the packed Proving.Core from a local folder and runs a pairing check.</summary>
public class PackageConsumerTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void FreshProjectRestoresPackedCoreAndChecksAPairing()
    {
        var r = ProcessRunner.Run("bash", [Path.Combine(RepoPaths.Root, "scripts", "pack-check.sh"), "--no-build"],
            TimeSpan.FromMinutes(8), RepoPaths.Root);
        Assert.True(r.ExitCode == 0, $"pack-check failed ({r.ExitCode}):\n{r.Stdout}\n{r.Stderr}");
        Assert.Contains("Proving.Core.0.1.0.nupkg", r.Stdout);
        Assert.Contains("Proving.Gpu.0.1.0.nupkg", r.Stdout);
        Assert.Contains("pairing check: True", r.Stdout);
    }
}
