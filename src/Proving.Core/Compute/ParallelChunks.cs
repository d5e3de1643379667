namespace Proving.Core.Compute;

/// <summary>Splits an index range into contiguous chunks and runs them on the thread pool (all cores).</summary>
internal static class ParallelChunks
{
    /// <summary>Worker count used by the CPU kernels: every logical processor.</summary>
    public static int Degree => Environment.ProcessorCount;

    /// <summary>
    /// Calls <paramref name="body"/>(start, end) over chunks covering [0, <paramref name="length"/>), in parallel when the
    /// range holds at least two chunks of <paramref name="minChunk"/> and more than one core is present, inline otherwise.
    /// </summary>
    public static void For(int length, int minChunk, Action<int, int> body, int threads = 0)
    {
        int degree = threads > 0 ? threads : Degree;
        int chunks = Math.Min(degree * 4, length / Math.Max(1, minChunk));
        if (degree <= 1 || chunks <= 1)
        {
            if (length > 0) body(0, length);
            return;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = degree };
        Parallel.For(0, chunks, options, c => body((int)((long)c * length / chunks), (int)((long)(c + 1) * length / chunks)));
    }
}
