using System.Text.RegularExpressions;

namespace Proving.Gpu.Tests;

/// <summary>One kernel's line of ptxas's verbose report (NVRTC option --ptxas-options=-v): registers per thread, static
/// shared memory, stack frame and spill stores in bytes. A kernel's spills include those of the non-inlined functions
/// it calls, which ptxas reports after it.</summary>
public sealed record PtxasReport(string Kernel, int Registers, int SharedBytes, int StackBytes, int SpillStoreBytes)
{
    private static readonly Regex Entry = new(@"Compiling entry function '([^']+)'");
    private static readonly Regex Frame = new(@"(\d+) bytes stack frame, (\d+) bytes spill stores");
    private static readonly Regex Used = new(@"Used (\d+) registers(?:, (\d+) bytes smem)?");

    /// <summary>The kernels of a ptxas log, in its order.</summary>
    public static List<PtxasReport> Parse(string log)
    {
        var kernels = new List<PtxasReport>();
        PtxasReport? current = null;
        foreach (var line in log.Split('\n'))
        {
            if (Entry.Match(line) is { Success: true } e)
            {
                if (current != null) kernels.Add(current);
                current = new PtxasReport(e.Groups[1].Value, 0, 0, 0, 0);
            }
            else if (current != null && Frame.Match(line) is { Success: true } f)
                current = current with
                {
                    StackBytes = Math.Max(current.StackBytes, int.Parse(f.Groups[1].Value)),
                    SpillStoreBytes = current.SpillStoreBytes + int.Parse(f.Groups[2].Value),
                };
            else if (current != null && Used.Match(line) is { Success: true } u)
                current = current with
                {
                    Registers = int.Parse(u.Groups[1].Value),
                    SharedBytes = u.Groups[2].Success ? int.Parse(u.Groups[2].Value) : 0,
                };
        }
        if (current != null) kernels.Add(current);
        return kernels;
    }
}
