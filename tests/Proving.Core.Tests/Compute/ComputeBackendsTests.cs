using Proving.Core.Compute;

namespace Proving.Core.Tests.Compute;

public class ComputeBackendsTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData("CPU")]
    [InlineData("auto")]
    public void CpuIsAlwaysAvailable(string name)
    {
        using var backend = ComputeBackends.Create(name);
        Assert.Equal("cpu", backend.Name);
        Assert.Contains("logical processors", backend.Description);
    }

    [Theory]
    [InlineData("cuda", "Proving.Gpu")]
    [InlineData("opencl", "Proving.Gpu")]
    [InlineData("quantum", "unknown backend")]
    [InlineData("", "unknown backend")]
    public void UnknownOrUnavailableNamesFailWithAReason(string name, string reasonPart)
    {
        var e = Assert.Throws<ComputeBackendUnavailableException>(() => ComputeBackends.Create(name));
        Assert.Equal(name, e.BackendName);
        Assert.Contains(reasonPart, e.Reason);
        Assert.Contains(name, e.Message);
    }

    [Fact]
    public void RegisteredFactoriesAreUsedAndFailuresAreReported()
    {
        ComputeBackends.Register("test-broken", () => throw new InvalidOperationException("no device"));
        var e = Assert.Throws<ComputeBackendUnavailableException>(() => ComputeBackends.Create("test-broken"));
        Assert.Contains("no device", e.Reason);
        Assert.Contains("test-broken", ComputeBackends.Names);
        Assert.Throws<ArgumentException>(() => ComputeBackends.Register("auto", () => new CpuBackend()));
    }
}
