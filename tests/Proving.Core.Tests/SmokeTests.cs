namespace Proving.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void CoreAssemblyLoads() => Assert.Equal("Proving.Core", typeof(AssemblyMarker).Assembly.GetName().Name);
}
