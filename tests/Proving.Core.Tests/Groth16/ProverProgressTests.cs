using System.Buffers.Binary;
using Proving.Core.Circom;
using Proving.Core.Compute;
using Proving.Core.Groth16;

namespace Proving.Core.Tests.Groth16;

/// <summary>The progress reports of <see cref="Prover.Load"/> and <see cref="Prover.Prove(Proving.Core.Curves.Bn254.Fr[], ProverTimings?, IProgress{ProverProgress}?)"/>.</summary>
public class ProverProgressTests
{
    /// <summary>Keeps every report, synchronously (unlike <see cref="Progress{T}"/>, which posts them).</summary>
    private sealed class Recorder : IProgress<ProverProgress>
    {
        public List<ProverProgress> Reports { get; } = [];

        public void Report(ProverProgress value)
        {
            lock (Reports) Reports.Add(value);
        }

        /// <summary>The steps in the order they were reported, each checked to start at 0, count up and end at its total.</summary>
        public List<(ProverPhase Phase, string Step, long Total)> Steps()
        {
            var steps = new List<(ProverPhase, string, long)>();
            for (int i = 0; i < Reports.Count;)
            {
                var first = Reports[i];
                Assert.Equal(0, first.Completed);
                long last = 0;
                int j = i;
                for (; j < Reports.Count && Reports[j].Step == first.Step; j++)
                {
                    Assert.Equal(first.Phase, Reports[j].Phase);
                    Assert.Equal(first.Total, Reports[j].Total);
                    Assert.InRange(Reports[j].Completed, last, first.Total);
                    last = Reports[j].Completed;
                }
                Assert.True(Reports[j - 1].IsStepDone, $"step {first.Step} never reported done");
                steps.Add((first.Phase, first.Step, first.Total));
                i = j;
            }
            return steps;
        }
    }

    [Fact]
    public void Load_reports_every_zkey_section_in_file_order_with_its_record_count()
    {
        var recorder = new Recorder();
        var pk = Prover.Load(Fixtures.File("eddsa_poseidon", "circuit.zkey"), new CpuBackend(), recorder).Key;
        var expected = new (string, long)[]
        {
            ("IC", pk.NPublic + 1), ("coefficients", pk.Coefficients.Length), ("A points", pk.NVars), ("B1 points", pk.NVars),
            ("B2 points", pk.NVars), ("C points", pk.NVars - pk.NPublic - 1), ("H points", pk.DomainSize),
        };
        Assert.Equal(expected.Select(e => (ProverPhase.ReadKey, e.Item1, e.Item2)), recorder.Steps());
        // the coefficient section is larger than one read chunk: it reports progress in between
        Assert.True(pk.Coefficients.Length > 1 << 14);
        Assert.Contains(recorder.Reports, r => r.Step == "coefficients" && r.Completed > 0 && !r.IsStepDone);
    }

    [Fact]
    public void Prove_reports_witness_products_NTTs_each_MSM_and_blinding_in_order_with_the_timing_names()
    {
        var prover = ProverTests.For("poseidon", concurrentSteps: false);
        var recorder = new Recorder();
        var timings = new ProverTimings();
        var (proof, pub) = prover.Prove(ProverTests.Witness("poseidon"), timings, recorder);
        Assert.True(Verifier.Verify(prover.Key.VerificationKey, pub, proof));
        var steps = recorder.Steps();
        Assert.Equal(
            [ProverPhase.WitnessProducts, ProverPhase.Ntt, ProverPhase.Msm, ProverPhase.Msm, ProverPhase.Msm, ProverPhase.Msm, ProverPhase.Msm, ProverPhase.Blinding],
            steps.Select(s => s.Phase));
        Assert.Equal(["MSM A (G1)", "MSM B1 (G1)", "MSM B2 (G2)", "MSM C (G1)", "MSM H (G1)"], steps.Where(s => s.Phase == ProverPhase.Msm).Select(s => s.Step));
        Assert.Equal(6, steps.Single(s => s.Phase == ProverPhase.Ntt).Total);
        Assert.Equal([0L, 2, 4, 6], recorder.Reports.Where(r => r.Phase == ProverPhase.Ntt).Select(r => r.Completed));
        Assert.Equal(timings.Steps.Select(t => t.Step), steps.Select(s => s.Step));
    }

    [Fact]
    public void Overlapped_steps_each_report_start_and_end_one_report_at_a_time()
    {
        var prover = ProverTests.For("eddsa_poseidon");
        var recorder = new Recorder();
        var (proof, pub) = prover.Prove(ProverTests.Witness("eddsa_poseidon"), null, recorder);
        Assert.True(Verifier.Verify(prover.Key.VerificationKey, pub, proof));
        var byStep = recorder.Reports.GroupBy(r => r.Step).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(new[] { "witness products (A·w, B·w, C·w)", "NTTs (3 inverse + 3 odd-coset)", "MSM H (G1)", "MSM B2 (G2)", "MSM A (G1)", "MSM B1 (G1)", "MSM C (G1)", "blinding" }.Order(),
            byStep.Keys.Order());
        foreach (var (step, reports) in byStep)
        {
            Assert.Equal(0, reports[0].Completed);
            Assert.True(reports[^1].IsStepDone, $"step {step} never reported done");
            Assert.Equal(reports.OrderBy(r => r.Completed).Select(r => r.Completed), reports.Select(r => r.Completed));
        }
        // MSM H needs h from the NTTs: it starts after they end
        int nttDone = recorder.Reports.FindIndex(r => r.Phase == ProverPhase.Ntt && r.IsStepDone);
        Assert.True(recorder.Reports.FindIndex(r => r.Step == "MSM H (G1)") > nttDone);
        Assert.Equal("witness products (A·w, B·w, C·w)", recorder.Reports[0].Step);
        Assert.Equal("blinding", recorder.Reports[^1].Step);
    }

    [Fact]
    public void Reading_records_reports_increasing_counts_one_call_at_a_time()
    {
        const int count = 100_000;   // several 16384-record chunks, read in parallel
        var path = Path.Combine(Fixtures.TempDir(), "records.bin");
        var bytes = new byte[12 + 12 + 4 * count];
        "test"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(16), 4 * count);
        for (int i = 0; i < count; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24 + 4 * i), i * 3);
        File.WriteAllBytes(path, bytes);
        try
        {
            using var f = BinFile.Open(path, "test", 1, 1, _ => "records");
            var (offset, _) = f.SectionOfLength(1, 4L * count, "records");
            var seen = new List<long>();
            int inside = 0;
            var values = f.ReadRecords(1, offset, count, 4, (b, _) => BinaryPrimitives.ReadInt32LittleEndian(b), done =>
            {
                Assert.Equal(1, Interlocked.Increment(ref inside));   // never two calls at once
                seen.Add(done);
                Thread.Sleep(1);
                Interlocked.Decrement(ref inside);
            });
            Assert.Equal(Enumerable.Range(0, count).Select(i => i * 3), values);
            Assert.Equal((count + (1 << 14) - 1) >> 14, seen.Count);
            Assert.Equal(seen.Order(), seen);
            Assert.Equal(count, seen[^1]);
        }
        finally { Directory.Delete(Path.GetDirectoryName(path)!, true); }
    }
}
