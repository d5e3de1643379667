using System.Buffers.Binary;
using Proving.Core.Circom;

namespace Proving.Core.Tests.Circom;

/// <summary>Malformed .zkey / .wtns / .r1cs / JSON inputs give a <see cref="CircomFormatException"/> naming the file and section.</summary>
public sealed class MalformedFileTests : IDisposable
{
    private readonly string _dir = Fixtures.TempDir();

    public void Dispose() => Directory.Delete(_dir, true);

    private static readonly Dictionary<string, Action<string>> Readers = new()
    {
        ["circuit.zkey"] = p => ZkeyReader.Read(p),
        ["witness.wtns"] = p => WtnsFile.Read(p),
        ["circuit.r1cs"] = p => R1csFile.Read(p),
    };

    public static TheoryData<string> Files => new() { "circuit.zkey", "witness.wtns", "circuit.r1cs" };

    private string Write(string file, byte[] bytes)
    {
        var p = Path.Combine(_dir, file);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    private CircomFormatException Reject(string file, byte[] bytes)
    {
        var p = Write(file, bytes);
        var e = Assert.Throws<CircomFormatException>(() => Readers[file](p));
        Assert.Equal(p, e.File);
        Assert.Contains(p, e.Message);
        return e;
    }

    private static byte[] Original(string file) => File.ReadAllBytes(Fixtures.File("poseidon", file));

    /// <summary>(offset of the payload, length) of the first section of <paramref name="type"/>.</summary>
    private static (int Offset, long Length, int HeaderAt) Find(byte[] b, int type)
    {
        int pos = 12;
        uint n = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(8));
        for (int i = 0; i < n; i++)
        {
            int t = (int)BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(pos));
            long len = (long)BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(pos + 4));
            if (t == type) return (pos + 12, len, pos);
            pos += 12 + (int)len;
        }
        throw new InvalidOperationException($"section {type} not found");
    }

    [Theory, MemberData(nameof(Files))]
    public void Wrong_magic(string file)
    {
        var b = Original(file);
        b[0] ^= 0x20;
        Assert.Contains("magic", Reject(file, b).Message);
    }

    [Theory, MemberData(nameof(Files))]
    public void Wrong_version(string file)
    {
        var b = Original(file);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), 99);
        Assert.Contains("version", Reject(file, b).Message);
    }

    [Theory, MemberData(nameof(Files))]
    public void Truncated_anywhere(string file)
    {
        var b = Original(file);
        var rng = new Random(7);
        foreach (int cut in new[] { 0, 3, 11, 12, 20, 40, 100 }.Concat(Enumerable.Range(0, 12).Select(_ => rng.Next(b.Length))))
            Reject(file, b[..Math.Min(cut, b.Length - 1)]);
    }

    [Theory, MemberData(nameof(Files))]
    public void Hostile_section_length_is_rejected_before_allocation(string file)
    {
        var b = Original(file);
        var (_, _, at) = Find(b, 2);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(at + 4), ulong.MaxValue / 2);
        var e = Reject(file, b);
        Assert.Contains("remain", e.Message);
        Assert.StartsWith("2 ", e.Section);
    }

    [Theory, MemberData(nameof(Files))]
    public void Field_modulus_other_than_bn254(string file)
    {
        var b = Original(file);
        int section = file == "circuit.zkey" ? 2 : 1;
        var (off, _, _) = Find(b, section);
        b[off + 4] ^= 1; // first byte of the prime
        var e = Reject(file, b);
        Assert.Contains("modulus", e.Message);
        Assert.StartsWith($"{section} ", e.Section);
    }

    [Fact]
    public void Zkey_count_fields_that_lie()
    {
        var b = Original("circuit.zkey");
        var (off, _, _) = Find(b, 2);
        int nVarsAt = off + 4 + 32 + 4 + 32;
        var lying = (byte[])b.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(lying.AsSpan(nVarsAt), 0x7fff_ffff);
        Assert.Contains("expected", Reject("circuit.zkey", lying).Message);
        lying = (byte[])b.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(lying.AsSpan(nVarsAt + 8), 1000); // domain size not a power of two
        Assert.Contains("domainSize", Reject("circuit.zkey", lying).Message);
        lying = (byte[])b.Clone();
        var (coef, _, _) = Find(b, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(lying.AsSpan(coef), 0xffff_ffff);
        Assert.StartsWith("4 ", Reject("circuit.zkey", lying).Section);
        lying = (byte[])b.Clone();
        var (pts, _, _) = Find(b, 5);
        lying[pts + 70] ^= 0x01; // a coordinate of A[1] changes: the point leaves the curve
        Assert.Contains("not on the curve", Reject("circuit.zkey", lying).Message);
    }

    [Fact]
    public void Protocol_other_than_groth16()
    {
        var b = Original("circuit.zkey");
        var (off, _, _) = Find(b, 1);
        b[off] = 2; // PLONK
        Assert.Contains("Groth16", Reject("circuit.zkey", b).Message);
    }

    [Fact]
    public void Witness_length_not_matching_the_circuit()
    {
        var r1cs = R1csFile.Read(Fixtures.File("poseidon", "circuit.r1cs"));
        var p = Write("witness.wtns", Original("witness.wtns"));
        var e = Assert.Throws<CircomFormatException>(() => WtnsFile.Read(p, r1cs.NWires + 1));
        Assert.Contains("wires", e.Message);
    }

    [Fact]
    public void Witness_value_not_below_r()
    {
        var b = Original("witness.wtns");
        var (off, _, _) = Find(b, 2);
        b.AsSpan(off + 32, 32).Fill(0xff);
        Assert.Contains("value 1", Reject("witness.wtns", b).Message);
    }

    [Theory, MemberData(nameof(Files))]
    public void Random_corruption_never_escapes_as_another_exception(string file)
    {
        var original = Original(file);
        var rng = new Random(file.Length);
        for (int trial = 0; trial < 40; trial++)
        {
            var b = (byte[])original.Clone();
            int flips = 1 + rng.Next(4);
            for (int k = 0; k < flips; k++)
            {
                // bias towards the headers, where lengths and counts live
                int at = rng.Next(2) == 0 ? rng.Next(Math.Min(400, b.Length)) : rng.Next(b.Length);
                b[at] = (byte)rng.Next(256);
            }
            var p = Write(file, b);
            try { Readers[file](p); }
            catch (CircomFormatException) { }
        }
    }

    [Fact]
    public void Json_inputs_are_checked()
    {
        string Json(string name, string text) { var p = Path.Combine(_dir, name); File.WriteAllText(p, text); return p; }
        Assert.Throws<CircomFormatException>(() => SnarkjsJson.ReadPublic(Json("a.json", "[\"21888242871839275222246405745257275088548364400416034343698204186575808495617\"]")));
        Assert.Throws<CircomFormatException>(() => SnarkjsJson.ReadPublic(Json("b.json", "[1]")));
        Assert.Throws<CircomFormatException>(() => SnarkjsJson.ReadPublic(Json("c.json", "{")));
        var proof = File.ReadAllText(Fixtures.File("poseidon", "proof.json"));
        var x = SnarkjsJson.ReadProof(Fixtures.File("poseidon", "proof.json")).A.X.ToString();
        var e = Assert.Throws<CircomFormatException>(() => SnarkjsJson.ReadProof(Json("d.json", proof.Replace(x, "5"))));
        Assert.Equal("pi_a", e.Section);
        Assert.Throws<CircomFormatException>(() => SnarkjsJson.ReadProof(Json("e.json", proof.Replace("groth16", "plonk"))));
        var vk = File.ReadAllText(Fixtures.File("poseidon", "verification_key.json"));
        Assert.Throws<CircomFormatException>(() => SnarkjsJson.ReadVerificationKey(Json("f.json", vk.Replace("\"nPublic\": 1", "\"nPublic\": 2"))));
    }
}
