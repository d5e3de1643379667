using Proving.Core.Circom;
using Proving.Core.Groth16;

namespace Proving.Core.Tests.Groth16;

/// <summary>Runs alone (after the parallel tests), so the process-wide allocation counter sees only its own work.</summary>
[CollectionDefinition(nameof(AllocationCounting), DisableParallelization = true)]
public class AllocationCounting;

/// <summary>
/// Loading a proving key allocates the key's arrays once: the reader converts each section chunk by chunk from pooled
/// buffers, never holding a whole section as bytes beside its points (which would double the peak for a 2^20 key).
/// </summary>
[Collection(nameof(AllocationCounting))]
public class KeyMemoryTests
{
    [Fact]
    public void Loading_a_key_allocates_little_more_than_the_key_itself()
    {
        var path = Fixtures.File("eddsa_poseidon", "circuit.zkey");
        ZkeyReader.Read(path);   // warm up: JIT, the buffer pool's per-thread arrays
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var pk = ZkeyReader.Read(path);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        long keyBytes = pk.SizeInBytes;
        long fileBytes = new FileInfo(path).Length;
        Assert.True(keyBytes > fileBytes, $"key {keyBytes} bytes, file {fileBytes}");   // 72-byte G1, 136-byte G2 records
        // a whole-section byte[] beside the points would add about the file size (~0.9 x the key) on top
        Assert.True(allocated < keyBytes + fileBytes / 4, $"loading allocated {allocated} bytes for a key of {keyBytes} bytes (file {fileBytes})");
    }
}
