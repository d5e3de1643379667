using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Circom;

/// <summary>
/// A circom constraint system read from a .r1cs file (iden3 binfile magic "r1cs", version 1, as circom writes it and
/// r1csfile reads it): section 1 header (u32 field size, prime, u32 nWires, nPubOut, nPubIn, nPrvIn, u64 nLabels,
/// u32 nConstraints); 2 constraints (per constraint three linear combinations A, B, C, each u32 term count then
/// (u32 wire, 32-byte canonical LE coefficient) terms); 3 wire-to-label map (u64 per wire); 4 custom gate list and
/// 5 custom gate applications (circom 2.0.6+ with custom templates). Each constraint says A·w × B·w = C·w.
/// </summary>
public sealed class R1csFile
{
    /// <summary>Number of wires (witness length, including the constant 1 at index 0).</summary>
    public required int NWires { get; init; }

    /// <summary>Number of public outputs (wires 1..NPubOut).</summary>
    public required int NPubOut { get; init; }

    /// <summary>Number of public inputs (the wires after the outputs).</summary>
    public required int NPubIn { get; init; }

    /// <summary>Number of private inputs.</summary>
    public required int NPrvIn { get; init; }

    /// <summary>Number of labels (signals before optimisation).</summary>
    public required ulong NLabels { get; init; }

    /// <summary>The constraints, in file order.</summary>
    public required R1csConstraint[] Constraints { get; init; }

    /// <summary>The label id of each wire (NWires entries), or empty when section 3 is absent.</summary>
    public required ulong[] WireToLabel { get; init; }

    /// <summary>Custom gate templates (section 4), empty when absent.</summary>
    public required R1csCustomGate[] CustomGates { get; init; }

    /// <summary>Custom gate applications (section 5), empty when absent.</summary>
    public required R1csCustomGateUse[] CustomGateUses { get; init; }

    /// <summary>Public signals: outputs then public inputs.</summary>
    public int NPublic => NPubOut + NPubIn;

    /// <summary>True when every constraint holds for <paramref name="witness"/> (length must equal <see cref="NWires"/>).</summary>
    /// <exception cref="ArgumentException">The witness length differs from <see cref="NWires"/>.</exception>
    public bool IsSatisfiedBy(ReadOnlySpan<Fr> witness) => FirstUnsatisfied(witness) < 0;

    /// <summary>The index of the first constraint that <paramref name="witness"/> violates, or -1.</summary>
    /// <exception cref="ArgumentException">The witness length differs from <see cref="NWires"/>.</exception>
    public int FirstUnsatisfied(ReadOnlySpan<Fr> witness)
    {
        if (witness.Length != NWires) throw new ArgumentException($"witness has {witness.Length} values, the circuit {NWires} wires");
        for (int i = 0; i < Constraints.Length; i++)
        {
            var c = Constraints[i];
            if (c.A.Evaluate(witness) * c.B.Evaluate(witness) != c.C.Evaluate(witness)) return i;
        }
        return -1;
    }

    private static string SectionName(int t) => t switch
    {
        1 => "header", 2 => "constraints", 3 => "wire2label", 4 => "custom gates list", 5 => "custom gates applications", _ => "unknown",
    };

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="CircomFormatException">Malformed file, a prime other than BN254's r, or a wire index out of range.</exception>
    public static R1csFile Read(string path)
    {
        using var f = BinFile.Open(path, "r1cs", 1, 1, SectionName);
        var h = f.ReadSection(1, 1024);
        int pos = 0;
        BinFile.CheckPrime(f, 1, h, ref pos, Fr.Modulus, "scalar field r");
        uint nWires = BinFile.U32(f, 1, h, ref pos), nPubOut = BinFile.U32(f, 1, h, ref pos);
        uint nPubIn = BinFile.U32(f, 1, h, ref pos), nPrvIn = BinFile.U32(f, 1, h, ref pos);
        ulong nLabels = BinFile.U64(f, 1, h, ref pos);
        uint nConstraints = BinFile.U32(f, 1, h, ref pos);
        if (nWires < 1 || nWires > int.MaxValue) throw f.Error(1, $"nWires {nWires} out of range");
        if ((ulong)nPubOut + nPubIn + nPrvIn >= nWires) throw f.Error(1, $"{nPubOut} outputs + {nPubIn} public + {nPrvIn} private inputs do not fit in {nWires} wires");

        var data = f.ReadSection(2);
        // each constraint needs at least 12 bytes (three term counts), so a lying count cannot allocate past the file
        if ((long)nConstraints * 12 > data.Length) throw f.Error(2, $"{nConstraints} constraints cannot fit in {data.Length} bytes");
        var constraints = new R1csConstraint[nConstraints];
        pos = 0;
        for (int i = 0; i < constraints.Length; i++)
            constraints[i] = new R1csConstraint(Lc(f, data, ref pos, nWires), Lc(f, data, ref pos, nWires), Lc(f, data, ref pos, nWires));
        if (pos != data.Length) throw f.Error(2, $"{data.Length - pos} bytes left after {nConstraints} constraints");

        ulong[] labels = [];
        if (f.Has(3))
        {
            var (off, _) = f.SectionOfLength(3, (long)nWires * 8, $"{nWires} u64 labels");
            labels = f.ReadRecords(3, off, (int)nWires, 8, (b, _) => System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(b));
        }
        R1csCustomGate[] gates = [];
        R1csCustomGateUse[] uses = [];
        if (f.Has(4) || f.Has(5))
        {
            gates = ReadGates(f);
            uses = ReadGateUses(f, gates.Length, nWires);
        }
        return new R1csFile
        {
            NWires = (int)nWires, NPubOut = (int)nPubOut, NPubIn = (int)nPubIn, NPrvIn = (int)nPrvIn, NLabels = nLabels,
            Constraints = constraints, WireToLabel = labels, CustomGates = gates, CustomGateUses = uses,
        };
    }

    private static LinearCombination Lc(BinFile f, ReadOnlySpan<byte> data, ref int pos, uint nWires)
    {
        uint n = BinFile.U32(f, 2, data, ref pos);
        if ((long)n * 36 > data.Length - pos) throw f.Error(2, $"linear combination of {n} terms at offset {pos - 4} runs past the section end");
        var wires = new int[n];
        var coeffs = new Fr[n];
        for (int k = 0; k < n; k++)
        {
            uint w = BinFile.U32(f, 2, data, ref pos);
            if (w >= nWires) throw f.Error(2, $"wire {w} at offset {pos - 4} is not below nWires {nWires}");
            wires[k] = (int)w;
            try { coeffs[k] = Fr.FromBytesLittleEndian(BinFile.Take(f, 2, data, ref pos, 32)); }
            catch (NonCanonicalEncodingException e) { throw new CircomFormatException(f.Path, f.Name(2), $"coefficient at offset {pos - 32}: {e.Message}", e); }
        }
        return new LinearCombination(wires, coeffs);
    }

    private static R1csCustomGate[] ReadGates(BinFile f)
    {
        var data = f.ReadSection(4);
        int pos = 0;
        uint n = BinFile.U32(f, 4, data, ref pos);
        if ((long)n * 5 > data.Length - pos) throw f.Error(4, $"{n} gates cannot fit in {data.Length} bytes");
        var gates = new R1csCustomGate[n];
        for (int i = 0; i < n; i++)
        {
            int end = Array.IndexOf(data, (byte)0, pos);
            if (end < 0) throw f.Error(4, $"gate {i}: template name not NUL-terminated");
            string name = System.Text.Encoding.UTF8.GetString(data, pos, end - pos);
            pos = end + 1;
            uint np = BinFile.U32(f, 4, data, ref pos);
            if ((long)np * 32 > data.Length - pos) throw f.Error(4, $"gate {i}: {np} parameters run past the section end");
            var ps = new Fr[np];
            for (int k = 0; k < np; k++)
            {
                try { ps[k] = Fr.FromBytesLittleEndian(BinFile.Take(f, 4, data, ref pos, 32)); }
                catch (NonCanonicalEncodingException e) { throw new CircomFormatException(f.Path, f.Name(4), $"gate {i}: {e.Message}", e); }
            }
            gates[i] = new R1csCustomGate(name, ps);
        }
        return gates;
    }

    private static R1csCustomGateUse[] ReadGateUses(BinFile f, int nGates, uint nWires)
    {
        var data = f.ReadSection(5);
        int pos = 0;
        uint n = BinFile.U32(f, 5, data, ref pos);
        if ((long)n * 8 > data.Length - pos) throw f.Error(5, $"{n} applications cannot fit in {data.Length} bytes");
        var uses = new R1csCustomGateUse[n];
        for (int i = 0; i < n; i++)
        {
            uint id = BinFile.U32(f, 5, data, ref pos);
            if (id >= nGates) throw f.Error(5, $"application {i}: gate id {id} is not below {nGates}");
            uint ns = BinFile.U32(f, 5, data, ref pos);
            if ((long)ns * 8 > data.Length - pos) throw f.Error(5, $"application {i}: {ns} signals run past the section end");
            var signals = new ulong[ns];
            for (int k = 0; k < ns; k++) signals[k] = BinFile.U64(f, 5, data, ref pos);
            uses[i] = new R1csCustomGateUse((int)id, signals);
        }
        return uses;
    }
}
