using Proving.Core.Circom;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Tests.Circom;

/// <summary>The readers against files written by circom2 and snarkjs (committed fixtures).</summary>
public class CircomReaderTests
{
    public static TheoryData<string> Small => new() { "poseidon", "eddsa_poseidon" };

    [Theory, MemberData(nameof(Small))]
    public void Witness_satisfies_the_r1cs(string name)
    {
        var r1cs = R1csFile.Read(Fixtures.File(name, "circuit.r1cs"));
        var w = WtnsFile.Read(Fixtures.File(name, "witness.wtns"), r1cs.NWires);
        Assert.True(w[0].IsOne);
        Assert.True(r1cs.Constraints.Length > 200);
        Assert.Equal(-1, r1cs.FirstUnsatisfied(w));
        Assert.Equal(r1cs.NWires, r1cs.WireToLabel.Length);
        // a changed private value breaks some constraint
        w[^1] += Fr.One;
        Assert.False(r1cs.IsSatisfiedBy(w));
    }

    [Theory, MemberData(nameof(Small))]
    public void Public_signals_are_the_witness_values_snarkjs_lists(string name)
    {
        var r1cs = R1csFile.Read(Fixtures.File(name, "circuit.r1cs"));
        var w = WtnsFile.Read(Fixtures.File(name, "witness.wtns"));
        var pub = SnarkjsJson.ReadPublic(Fixtures.File(name, "public.json"));
        Assert.Equal(r1cs.NPublic, pub.Length);
        Assert.Equal(pub, w[1..(1 + pub.Length)]);
    }

    [Theory, MemberData(nameof(Small))]
    public void Wtns_write_is_byte_identical_to_snarkjs(string name)
    {
        var path = Fixtures.File(name, "witness.wtns");
        var dir = Fixtures.TempDir();
        try
        {
            var copy = Path.Combine(dir, "w.wtns");
            WtnsFile.Write(copy, WtnsFile.Read(path));
            Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(copy));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory, MemberData(nameof(Small))]
    public void Zkey_header_and_vkey_agree_with_snarkjs_export(string name)
    {
        var r1cs = R1csFile.Read(Fixtures.File(name, "circuit.r1cs"));
        var pk = ZkeyReader.Read(Fixtures.File(name, "circuit.zkey"));
        var vk = SnarkjsJson.ReadVerificationKey(Fixtures.File(name, "verification_key.json"));
        Assert.Equal(r1cs.NWires, pk.NVars);
        Assert.Equal(r1cs.NPublic, pk.NPublic);
        Assert.True(pk.DomainSize >= r1cs.Constraints.Length + r1cs.NPublic + 1);
        Assert.True(pk.DomainSize / 2 < r1cs.Constraints.Length + r1cs.NPublic + 1);
        Assert.Equal(vk.Alpha1, pk.Alpha1);
        Assert.Equal(vk.Beta2, pk.Beta2);
        Assert.Equal(vk.Gamma2, pk.Gamma2);
        Assert.Equal(vk.Delta2, pk.Delta2);
        Assert.Equal(vk.IC, pk.IC);
        Assert.Equal(vk.IC, ZkeyReader.ReadVerificationKey(Fixtures.File(name, "circuit.zkey")).IC);
        Assert.NotEqual(G1Affine.Generator, pk.Delta1); // the fixtures had a phase-2 contribution
        Assert.Equal(pk.NVars - pk.NPublic - 1, pk.C.Length);
        Assert.Equal(pk.DomainSize, pk.H.Length);
    }

    [Theory, MemberData(nameof(Small))]
    public void Zkey_coefficients_reproduce_the_r1cs_rows(string name)
    {
        // snarkjs copies A and B of constraint c into row c, and adds row nConstraints + i with 1·w_i for i = 0..nPublic.
        var r1cs = R1csFile.Read(Fixtures.File(name, "circuit.r1cs"));
        var pk = ZkeyReader.Read(Fixtures.File(name, "circuit.zkey"));
        var w = WtnsFile.Read(Fixtures.File(name, "witness.wtns"));
        var a = new Fr[pk.DomainSize];
        var b = new Fr[pk.DomainSize];
        foreach (var c in pk.Coefficients) (c.Matrix == 0 ? a : b)[c.Constraint] += c.Value * w[c.Signal];
        int m = r1cs.Constraints.Length;
        for (int i = 0; i < m; i++)
        {
            Assert.Equal(r1cs.Constraints[i].A.Evaluate(w), a[i]);
            Assert.Equal(r1cs.Constraints[i].B.Evaluate(w), b[i]);
        }
        for (int i = 0; i <= pk.NPublic; i++) Assert.Equal(w[i], a[m + i]);
    }

    [Theory, MemberData(nameof(Small))]
    public void Snarkjs_json_round_trips_byte_for_byte(string name)
    {
        var dir = Fixtures.TempDir();
        try
        {
            var proofPath = Fixtures.File(name, "proof.json");
            SnarkjsJson.WriteProof(Path.Combine(dir, "proof.json"), SnarkjsJson.ReadProof(proofPath));
            Assert.Equal(File.ReadAllText(proofPath), File.ReadAllText(Path.Combine(dir, "proof.json")));
            var pubPath = Fixtures.File(name, "public.json");
            SnarkjsJson.WritePublic(Path.Combine(dir, "public.json"), SnarkjsJson.ReadPublic(pubPath));
            Assert.Equal(File.ReadAllText(pubPath), File.ReadAllText(Path.Combine(dir, "public.json")));
            var vkPath = Fixtures.File(name, "verification_key.json");
            // byte-identical to snarkjs's file, vk_alphabeta_12 included
            SnarkjsJson.WriteVerificationKey(Path.Combine(dir, "vk.json"), SnarkjsJson.ReadVerificationKey(vkPath));
            Assert.Equal(File.ReadAllText(vkPath), File.ReadAllText(Path.Combine(dir, "vk.json")));
        }
        finally { Directory.Delete(dir, true); }
    }
}
