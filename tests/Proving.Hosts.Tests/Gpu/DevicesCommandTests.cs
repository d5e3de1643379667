using Proving.Cli.Commands;
using Proving.Gpu.Cuda;

namespace Proving.Hosts.Tests.Gpu;

/// <summary><c>proving devices</c>: every backend gets a line, with devices or the reason it is unavailable.</summary>
public sealed class DevicesCommandTests
{
    [Fact]
    public void ListsEveryBackendWithDevicesOrReason()
    {
        var w = new StringWriter();
        DevicesCommand.Write(w);
        var text = w.ToString();
        Assert.Contains("cpu: available", text);
        Assert.Matches("(?m)^opencl: available \\(.*\\), [1-9][0-9]* device\\(s\\)$", text);   // PoCL in CI
        Assert.Matches("(?m)^  #0 .*OpenCL", text);
        Assert.Matches("(?m)^  nvrtc: .*NVRTC \\d+\\.\\d+", text);
        if (CudaRuntime.Status().Available) Assert.Matches("(?m)^cuda: available", text);
        else Assert.Matches("(?m)^cuda: unavailable: .+", text);
    }
}
