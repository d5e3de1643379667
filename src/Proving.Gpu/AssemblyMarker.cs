namespace Proving.Gpu;

/// <summary>A type that identifies the Proving.Gpu assembly (for reflection, versions and embedded kernels).</summary>
public static class AssemblyMarker
{
}
