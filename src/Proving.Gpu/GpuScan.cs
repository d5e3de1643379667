namespace Proving.Gpu;

/// <summary>
/// Exclusive prefix sums of u32 arrays on the device (native/kernels/scan.h): each group scans a block of
/// 4 · group-size elements, the block totals are scanned the same way (recursively), and added back. Sums are mod 2^32.
/// </summary>
internal static class GpuScan
{
    /// <summary>output[i] = Σ input[j] for j &lt; i, for i &lt; <paramref name="n"/>; both buffers hold at least n u32s
    /// and differ. <paramref name="module"/> is a compiled kernel file that includes scan.h.</summary>
    public static void Exclusive(GpuContext ctx, GpuModule module, GpuBuffer input, GpuBuffer output, long n)
    {
        if (n <= 0) return;
        var blocksKernel = module.Kernel("scan_blocks");
        int group = (int)Math.Min(256, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)blocksKernel.MaxGroupSize + 1) / 2);
        long perBlock = 4L * group, blocks = (n + perBlock - 1) / perBlock;
        using var sums = ctx.Allocate(4 * blocks);
        ctx.Launch(blocksKernel, blocks * group, group, input, output, sums, (ulong)n);
        if (blocks == 1) return;
        using var blockOffsets = ctx.Allocate(4 * blocks);
        Exclusive(ctx, module, sums, blockOffsets, blocks);
        ctx.Launch(module.Kernel("scan_add"), n, 0, output, blockOffsets, (uint)perBlock, (ulong)n);
    }
}
