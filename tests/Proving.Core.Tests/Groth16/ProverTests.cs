using System.Runtime.CompilerServices;
using Proving.Core.Circom;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Groth16;

namespace Proving.Core.Tests.Groth16;

/// <summary>Our prover on real circomlib circuits: checked by our verifier, the snarkjs CLI and snarkjs's Solidity verifier on anvil.</summary>
public class ProverTests
{
    /// <summary>The committed circuits, each without and with fixed-base precomputation of the key's MSM bases.</summary>
    public static TheoryData<string, int> Small => new()
    {
        { "poseidon", 1 }, { "eddsa_poseidon", 1 }, { "poseidon", MsmConfig.MaxPrecomputeFactor }, { "eddsa_poseidon", 2 },
    };

    private static readonly Dictionary<(string, int, bool), Prover> Provers = [];

    /// <summary>A cached CPU prover for a committed circuit; <paramref name="concurrentSteps"/> false runs the steps one
    /// after another.</summary>
    internal static Prover For(string name, int precomputeFactor = 1, bool concurrentSteps = true)
    {
        lock (Provers)
        {
            if (!Provers.TryGetValue((name, precomputeFactor, concurrentSteps), out var p))
                Provers[(name, precomputeFactor, concurrentSteps)] = p = Prover.Load(Fixtures.File(name, "circuit.zkey"), new CpuBackend(),
                    options: new ProverOptions { PrecomputeFactor = precomputeFactor, ConcurrentSteps = concurrentSteps });
            return p;
        }
    }

    [Theory, MemberData(nameof(Small))]
    public void Overlapped_steps_give_the_proof_of_sequential_steps(string name, int precomputeFactor)
    {
        var r = Fr.Random(new Random(precomputeFactor));
        var s = Fr.Random(new Random(precomputeFactor + 1));
        var witness = Witness(name);
        var overlapped = new ProverTimings();
        var sequential = new ProverTimings();
        var (p1, pub1) = For(name, precomputeFactor).Prove(witness, r, s, overlapped);
        var (p2, pub2) = For(name, precomputeFactor, concurrentSteps: false).Prove(witness, r, s, sequential);
        Assert.Equal(p2, p1);
        Assert.Equal(pub2, pub1);
        Assert.True(Verifier.Verify(For(name).Key.VerificationKey, pub1, p1));
        // overlapped: the group's wall clock, then the six steps flagged concurrent; Total counts the wall clock only
        string[] heavy = ["NTTs (3 inverse + 3 odd-coset)", "MSM A (G1)", "MSM B1 (G1)", "MSM B2 (G2)", "MSM C (G1)", "MSM H (G1)"];
        Assert.Equal(["witness products (A·w, B·w, C·w)", Prover.OverlappedStep, .. heavy, "blinding"], overlapped.Steps.Select(t => t.Step));
        Assert.Equal(heavy, overlapped.Steps.Where(t => t.Concurrent).Select(t => t.Step));
        Assert.Equal(overlapped.Steps.Where(t => !t.Concurrent).Aggregate(TimeSpan.Zero, (a, t) => a + t.Time), overlapped.Total);
        Assert.Equal(["witness products (A·w, B·w, C·w)", .. heavy, "blinding"], sequential.Steps.Select(t => t.Step));
        Assert.DoesNotContain(sequential.Steps, t => t.Concurrent);
    }

    internal static Fr[] Witness(string name) => WtnsFile.Read(Fixtures.File(name, "witness.wtns"));

    [Theory, MemberData(nameof(Small))]
    public void Proofs_verify_with_our_verifier_and_snarkjs(string name, int precomputeFactor)
    {
        var prover = For(name, precomputeFactor);
        var timings = new ProverTimings();
        var (proof, pub) = prover.Prove(Witness(name), timings);
        Assert.Equal(SnarkjsJson.ReadPublic(Fixtures.File(name, "public.json")), pub);
        Assert.True(Verifier.Verify(prover.Key.VerificationKey, pub, proof));
        Assert.Contains(timings.Steps, s => s.Step.StartsWith("MSM H"));

        var dir = Fixtures.TempDir();
        try
        {
            SnarkjsJson.WriteProof(Path.Combine(dir, "proof.json"), proof);
            SnarkjsJson.WritePublic(Path.Combine(dir, "public.json"), pub);
            Assert.True(NodeTools.SnarkjsVerify(Fixtures.File(name, "verification_key.json"), Path.Combine(dir, "public.json"), Path.Combine(dir, "proof.json")));
            // and snarkjs rejects our proof against a changed public signal
            var bad = (Fr[])pub.Clone();
            bad[0] += Fr.One;
            SnarkjsJson.WritePublic(Path.Combine(dir, "bad.json"), bad);
            Assert.False(NodeTools.SnarkjsVerify(Fixtures.File(name, "verification_key.json"), Path.Combine(dir, "bad.json"), Path.Combine(dir, "proof.json")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Proofs_are_randomised_and_one_loaded_key_proves_many_witnesses()
    {
        var prover = For("poseidon");
        var w = Witness("poseidon");
        var (p1, pub) = prover.Prove(w);
        var (p2, _) = prover.Prove(w);
        Assert.NotEqual(p1.A, p2.A);
        Assert.True(Verifier.Verify(prover.Key.VerificationKey, pub, p1));
        Assert.True(Verifier.Verify(prover.Key.VerificationKey, pub, p2));
    }

    [Fact]
    public void Zero_blinding_gives_the_deterministic_proof_core()
    {
        // with r = s = 0 the proof is a function of the witness alone: two runs agree and it still verifies
        var prover = For("poseidon");
        var w = Witness("poseidon");
        var (p1, pub) = prover.Prove(w, Fr.Zero, Fr.Zero);
        var (p2, _) = prover.Prove(w, Fr.Zero, Fr.Zero);
        Assert.Equal(p1, p2);
        Assert.True(Verifier.Verify(prover.Key.VerificationKey, pub, p1));
    }

    [Fact]
    public void Precomputed_key_bases_give_the_same_proof()
    {
        // same blinding factors: the proof is a function of the witness and (r, s), whatever the MSM bases' preparation
        var w = Witness("poseidon");
        var rng = new Random(5);
        var (r, s) = (Fr.Random(rng), Fr.Random(rng));
        var plain = For("poseidon");
        var expected = plain.Prove(w, r, s).Proof;
        Assert.Equal(0, plain.PrecomputedBytes);
        var k = plain.Key;
        long keyBytes = (long)(k.A.Length + k.B1.Length + k.C.Length + k.H.Length) * Unsafe.SizeOf<G1Affine>() + (long)k.B2.Length * Unsafe.SizeOf<G2Affine>();
        foreach (int f in new[] { 2, 3, MsmConfig.MaxPrecomputeFactor })
        {
            var prover = For("poseidon", f);
            Assert.Equal(expected, prover.Prove(w, r, s).Proof);
            Assert.InRange(prover.PrecomputedBytes, 2 * keyBytes, f * keyBytes); // F points per base, 2 <= F <= f
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProverOptions { PrecomputeFactor = 0 });
    }

    [Fact]
    public void Unsatisfying_witness_gives_a_proof_that_does_not_verify()
    {
        var prover = For("poseidon");
        var w = Witness("poseidon");
        w[^1] += Fr.One;
        var (proof, pub) = prover.Prove(w);
        Assert.False(Verifier.Verify(prover.Key.VerificationKey, pub, proof));
    }

    [Fact]
    public void Witness_length_must_match_the_key()
    {
        var prover = For("poseidon");
        Assert.Throws<ArgumentException>(() => prover.Prove(Witness("poseidon")[..^1]));
    }

    [Fact]
    public void Witness_products_do_not_depend_on_coefficient_order()
    {
        // snarkjs sorts section 4 by constraint (the parallel path); any order must give the same A·w, B·w, C·w
        var pk = For("eddsa_poseidon").Key;
        var w = Witness("eddsa_poseidon");
        var shuffled = (QapCoefficient[])pk.Coefficients.Clone();
        new Random(3).Shuffle(shuffled);
        var other = new ProvingKey
        {
            NVars = pk.NVars, NPublic = pk.NPublic, DomainSize = pk.DomainSize, Alpha1 = pk.Alpha1, Beta1 = pk.Beta1,
            Beta2 = pk.Beta2, Gamma2 = pk.Gamma2, Delta1 = pk.Delta1, Delta2 = pk.Delta2, IC = pk.IC,
            Coefficients = shuffled, A = pk.A, B1 = pk.B1, B2 = pk.B2, C = pk.C, H = pk.H,
        };
        Fr[] New() => new Fr[pk.DomainSize];
        Fr[] a1 = New(), b1 = New(), c1 = New(), a2 = New(), b2 = New(), c2 = New();
        Qap.EvaluateWitnessProducts(pk, w, a1, b1, c1);
        Qap.EvaluateWitnessProducts(other, w, a2, b2, c2);
        Assert.Equal(a1, a2);
        Assert.Equal(b1, b2);
        Assert.Equal(c1, c2);
    }
}
