using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Proving.Core.Groth16;

namespace Proving.Core.Circom;

/// <summary>
/// Reads snarkjs Groth16 proving keys (.zkey, iden3 binfile magic "zkey", version 1), as snarkjs 0.7 writes them
/// (src/zkey_utils.js): section 1 protocol id (1 = Groth16); 2 header (n8q, q, n8r, r, nVars, nPublic, domainSize,
/// alpha1, beta1, beta2, gamma2, delta1, delta2); 3 IC; 4 A/B coefficients; 5 A; 6 B1; 7 B2; 8 C; 9 H;
/// 10 contributions (ignored). Points are affine with Montgomery little-endian coordinates; (0, 0) is infinity.
/// Every point is checked to be on its curve; G2 subgroup membership is not checked (a bad key gives a proof that
/// does not verify, never a wrong "valid" answer). Section lengths are checked before any allocation.
/// </summary>
public static class ZkeyReader
{
    private const int G1Size = 64, G2Size = 128, CoefSize = 12 + 32;

    private static string SectionName(int t) => t switch
    {
        1 => "header", 2 => "groth16 header", 3 => "IC", 4 => "coefficients", 5 => "A points", 6 => "B1 points",
        7 => "B2 points", 8 => "C points", 9 => "H points", 10 => "contributions", _ => "unknown",
    };

    /// <summary>Reads the whole proving key from <paramref name="path"/>.</summary>
    /// <param name="path">The .zkey file.</param>
    /// <param name="progress">Optional: told how far each section (IC, coefficients, A, B1, B2, C, H, in file order) has
    /// been read, as <see cref="ProverPhase.ReadKey"/> reports counting records (see <see cref="ProverProgress"/>).</param>
    /// <exception cref="CircomFormatException">The file is not a BN254 Groth16 zkey or is malformed.</exception>
    public static ProvingKey Read(string path, IProgress<ProverProgress>? progress = null)
    {
        using var f = BinFile.Open(path, "zkey", 1, 1, SectionName);
        var h = ReadHeader(f);
        int nPriv = h.NVars - h.NPublic - 1;
        G1Affine[] G1s(int section, int count) => Records(f, section, count, G1Size, "G1 points", (b, i) => f.G1(section, b, i), progress);
        var ic = G1s(3, h.NPublic + 1);
        var coefficients = ReadCoefficients(f, h, progress);
        var a = G1s(5, h.NVars);
        var b1 = G1s(6, h.NVars);
        var b2 = Records(f, 7, h.NVars, G2Size, "G2 points", (b, i) => f.G2(7, b, i), progress);
        var c = G1s(8, nPriv);
        var hPoints = G1s(9, h.DomainSize);
        return new ProvingKey
        {
            NVars = h.NVars, NPublic = h.NPublic, DomainSize = h.DomainSize,
            Alpha1 = h.Alpha1, Beta1 = h.Beta1, Beta2 = h.Beta2, Gamma2 = h.Gamma2, Delta1 = h.Delta1, Delta2 = h.Delta2,
            IC = ic, Coefficients = coefficients, A = a, B1 = b1, B2 = b2, C = c, H = hPoints,
        };
    }

    /// <summary>Reads only the verification key (sections 1-3) from a proving key file.</summary>
    /// <exception cref="CircomFormatException">The file is not a BN254 Groth16 zkey or is malformed.</exception>
    public static VerificationKey ReadVerificationKey(string path)
    {
        using var f = BinFile.Open(path, "zkey", 1, 1, SectionName);
        var h = ReadHeader(f);
        var ic = Records(f, 3, h.NPublic + 1, G1Size, "G1 points", (b, i) => f.G1(3, b, i), null);
        return new VerificationKey(h.Alpha1, h.Beta2, h.Gamma2, h.Delta2, ic);
    }

    /// <summary>Section <paramref name="section"/> as exactly <paramref name="count"/> records, with progress reports.</summary>
    private static T[] Records<T>(BinFile f, int section, int count, int size, string what, ReadOnlySpanConverter<T> convert,
        IProgress<ProverProgress>? progress)
    {
        var (off, _) = f.SectionOfLength(section, (long)count * size, $"{count} {what}");
        return ReadWithProgress(f, section, off, count, size, convert, progress);
    }

    /// <summary>Reads records at <paramref name="offset"/>, reporting 0 first and then the count done after each chunk.</summary>
    private static T[] ReadWithProgress<T>(BinFile f, int section, long offset, int count, int size, ReadOnlySpanConverter<T> convert,
        IProgress<ProverProgress>? progress)
    {
        if (progress == null) return f.ReadRecords(section, offset, count, size, convert);
        string step = SectionName(section);
        progress.Report(new ProverProgress(ProverPhase.ReadKey, step, 0, count));
        return f.ReadRecords(section, offset, count, size, convert, done => progress.Report(new ProverProgress(ProverPhase.ReadKey, step, done, count)));
    }

    private sealed record Header(int NVars, int NPublic, int DomainSize, G1Affine Alpha1, G1Affine Beta1, G2Affine Beta2,
        G2Affine Gamma2, G1Affine Delta1, G2Affine Delta2);

    private static Header ReadHeader(BinFile f)
    {
        var s1 = f.ReadSection(1, 64);
        int pos = 0;
        uint protocol = BinFile.U32(f, 1, s1, ref pos);
        if (protocol != 1) throw f.Error(1, $"protocol id {protocol} is not Groth16 (1)");

        var s2 = f.ReadSection(2, 4096);
        pos = 0;
        BinFile.CheckPrime(f, 2, s2, ref pos, Fq.Modulus, "base field q");
        BinFile.CheckPrime(f, 2, s2, ref pos, Fr.Modulus, "scalar field r");
        uint nVars = BinFile.U32(f, 2, s2, ref pos), nPublic = BinFile.U32(f, 2, s2, ref pos), domain = BinFile.U32(f, 2, s2, ref pos);
        if (nVars < 1 || nVars > int.MaxValue) throw f.Error(2, $"nVars {nVars} out of range");
        if (nPublic >= nVars) throw f.Error(2, $"nPublic {nPublic} must be below nVars {nVars}");
        if (domain == 0 || (domain & (domain - 1)) != 0 || domain > (1u << Fr.TwoAdicity - 1))
            throw f.Error(2, $"domainSize {domain} is not a power of two up to 2^{Fr.TwoAdicity - 1}");
        G1Affine G1() => f.G1(2, BinFile.Take(f, 2, s2, ref pos, G1Size), 0);
        G2Affine G2() => f.G2(2, BinFile.Take(f, 2, s2, ref pos, G2Size), 0);
        var alpha1 = G1(); var beta1 = G1(); var beta2 = G2(); var gamma2 = G2(); var delta1 = G1(); var delta2 = G2();
        return new Header((int)nVars, (int)nPublic, (int)domain, alpha1, beta1, beta2, gamma2, delta1, delta2);
    }

    private static QapCoefficient[] ReadCoefficients(BinFile f, Header h, IProgress<ProverProgress>? progress)
    {
        var (off, len) = f.Section(4);
        if (len < 4) throw f.Error(4, "truncated: no coefficient count");
        Span<byte> countBytes = stackalloc byte[4];
        f.ReadExactly(countBytes, off, 4);
        uint n = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(countBytes);
        if ((long)n * CoefSize != len - 4) throw f.Error(4, $"count {n} needs {4 + (long)n * CoefSize} bytes, the section has {len}");
        // The file stores coef·R² mod r (R = 2^256) so that a Montgomery product with a plain witness value gives
        // the Montgomery form of coef·w; reading it as Montgomery gives coef·R, so one multiplication by R⁻¹ removes it.
        var rInv = Fr.FromBigInteger(System.Numerics.BigInteger.ModPow(System.Numerics.BigInteger.One << 256, Fr.Modulus - 2, Fr.Modulus));
        return ReadWithProgress(f, 4, off + 4, (int)n, CoefSize, (b, i) =>
        {
            uint m = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(b);
            uint c = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(b[4..]);
            uint s = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
            if (m > 1) throw f.Error(4, $"coefficient {i}: matrix {m} is neither A (0) nor B (1)");
            if (c >= (uint)h.DomainSize) throw f.Error(4, $"coefficient {i}: constraint {c} outside the domain of {h.DomainSize}");
            if (s >= (uint)h.NVars) throw f.Error(4, $"coefficient {i}: signal {s} outside the {h.NVars} wires");
            Fr v;
            try { v = Fr.FromMontgomeryBytesLittleEndian(b.Slice(12, 32)); }
            catch (NonCanonicalEncodingException e) { throw new CircomFormatException(f.Path, f.Name(4), $"coefficient {i}: {e.Message}", e); }
            return new QapCoefficient(v * rInv, (int)m, (int)c, (int)s);
        }, progress);
    }
}
