namespace Proving.Hosts.Common;

/// <summary>A type that identifies the Proving.Hosts.Common assembly.</summary>
public static class AssemblyMarker
{
}
