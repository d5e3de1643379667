namespace Proving.Core;

/// <summary>A type that identifies the Proving.Core assembly (for reflection, versions and resources).</summary>
public static class AssemblyMarker
{
}
