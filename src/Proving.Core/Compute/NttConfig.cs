using Proving.Core.Curves.Bn254;
using Proving.Core.Ntt;

namespace Proving.Core.Compute;

/// <summary>
/// Options of one NTT call on BN254 Fr (in the manner of ICICLE's NTTConfig). Defaults: forward, natural order in and
/// out, no coset, one column. The domain size n is the column length, a power of two from 2^0 to 2^28.
/// </summary>
public sealed record NttConfig
{
    /// <summary>Forward (coefficients to evaluations, the default) or inverse (evaluations to coefficients, scaled by 1/n).</summary>
    public NttDirection Direction { get; init; } = NttDirection.Forward;

    /// <summary>Order of input and output elements; default natural in, natural out.</summary>
    public NttOrdering Ordering { get; init; } = NttOrdering.NaturalToNatural;

    /// <summary>
    /// Coset shift g, or null (the default) for the subgroup itself. With g the forward transform evaluates at g·ω^j;
    /// the inverse transform with the same g recovers the coefficients. Must be non-zero.
    /// Use <see cref="Fr.MultiplicativeGenerator"/> (5) for a disjoint coset, or <see cref="OddCosetShift"/> for snarkjs's
    /// Groth16 layout.
    /// </summary>
    public Fr? CosetShift { get; init; }

    /// <summary>Number of columns stored one after another in the vector (default 1); each column is transformed on its own.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Forward, natural order, no coset.</summary>
    public static NttConfig Forward { get; } = new();

    /// <summary>Inverse, natural order, no coset.</summary>
    public static NttConfig Inverse { get; } = new() { Direction = NttDirection.Inverse };

    /// <summary>A coset transform with shift <paramref name="shift"/> in natural order.</summary>
    public static NttConfig Coset(Fr shift, NttDirection direction = NttDirection.Forward) =>
        new() { Direction = direction, CosetShift = shift };

    /// <summary>
    /// The shift that makes a coset transform of size 2^<paramref name="logN"/> evaluate at the odd powers of a primitive
    /// 2^(logN+1)-th root of unity: Fr.RootOfUnity(logN + 1), so the points are ω_2n^(2j+1). snarkjs evaluates A, B and C
    /// there when it computes Groth16's H (the quotient by Z(x) = x^n - 1, which is -2 at every such point).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logN"/> is outside [0, 27].</exception>
    public static Fr OddCosetShift(int logN) => Fr.RootOfUnity(logN + 1);

    /// <summary>A coset transform of size 2^<paramref name="logN"/> over the odd powers of ω_2n (see <see cref="OddCosetShift"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logN"/> is outside [0, 27].</exception>
    public static NttConfig OddCoset(int logN, NttDirection direction = NttDirection.Forward) => Coset(OddCosetShift(logN), direction);
}
