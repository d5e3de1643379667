using Proving.Core.Circom;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Core.Groth16;

/// <summary>
/// The Groth16 prover for snarkjs proving keys, with every heavy step on an <see cref="IComputeBackend"/>: load a key
/// once (<see cref="Load"/>), then <see cref="Prove(Fr[], ProverTimings?, IProgress{ProverProgress}?)"/> any number of witnesses. The steps follow snarkjs's
/// groth16_prove: A·w and B·w on the domain from the key's coefficients, C·w = (A·w)∘(B·w); each inverse-NTT'd and
/// evaluated on the odd coset ω_2n·⟨ω_n⟩ (<see cref="NttConfig.OddCoset"/>); h = a·b − c there (the key's H points
/// already hold the division by Z = −2); then MSMs of A, B1, C, H in G1 and B2 in G2, blinded with fresh r, s from
/// the OS cryptographic RNG. The MSM bases are prepared once, at creation, by the backend (fixed-base precomputation
/// per <see cref="ProverOptions.PrecomputeFactor"/>). On a backend that takes concurrent calls
/// (<see cref="IComputeBackend.SupportsConcurrentCalls"/>: the CPU backend) the NTTs and the five MSMs overlap (see
/// <see cref="ProverOptions.ConcurrentSteps"/>). Safe to call from several threads if the backend is.
/// </summary>
public sealed class Prover
{
    private readonly MsmBases<G1Affine> _a, _b1, _c, _h;
    private readonly MsmBases<G2Affine> _b2;
    private readonly bool _overlap; // ProverOptions.ConcurrentSteps on a backend that takes concurrent calls

    /// <summary>The <see cref="ProverTimings"/> entry holding the wall clock of the overlapped NTTs and MSMs.</summary>
    public const string OverlappedStep = "NTTs and MSMs (overlapped, wall clock)";

    /// <summary>Threads running overlapped steps at once: one per core, at most one per step (6).</summary>
    private static int StepWorkers => Math.Min(Compute.ParallelChunks.Degree, 6);

    /// <summary>Cores each overlapped MSM uses: the cores shared among the workers (1 on up to 11 cores).</summary>
    private static int StepThreads => Math.Max(1, Compute.ParallelChunks.Degree / StepWorkers);

    /// <summary>Creates a prover for <paramref name="key"/> that computes on <paramref name="backend"/>, preparing the
    /// key's MSM bases with <paramref name="options"/> (default <see cref="ProverOptions.Default"/>: no precomputation).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="backend"/> is null.</exception>
    public Prover(ProvingKey key, IComputeBackend backend, ProverOptions? options = null)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Backend = backend ?? throw new ArgumentNullException(nameof(backend));
        LogDomainSize = System.Numerics.BitOperations.Log2((uint)key.DomainSize);
        options ??= ProverOptions.Default;
        _overlap = options.ConcurrentSteps && backend.SupportsConcurrentCalls;
        int factor = options.PrecomputeFactor;
        // Precomputed bases fix their window width; overlapped MSMs run on StepThreads cores each, so choose it for that.
        MsmConfig Prepare(int n) => new()
        {
            PrecomputeFactor = factor,
            WindowBits = _overlap && factor > 1 ? CpuMsm.PrecomputeWindowBits(n, factor, StepThreads) : 0,
        };
        _a = backend.PrepareMsmBasesG1(key.A, Prepare(key.A.Length));
        _b1 = backend.PrepareMsmBasesG1(key.B1, Prepare(key.B1.Length));
        _b2 = backend.PrepareMsmBasesG2(key.B2, Prepare(key.B2.Length));
        _c = backend.PrepareMsmBasesG1(key.C, Prepare(key.C.Length));
        _h = backend.PrepareMsmBasesG1(key.H, Prepare(key.H.Length));
    }

    /// <summary>The proving key.</summary>
    public ProvingKey Key { get; }

    /// <summary>The backend that runs the NTTs, vector operations and MSMs.</summary>
    public IComputeBackend Backend { get; }

    private int LogDomainSize { get; }

    /// <summary>Bytes of MSM base points the prover holds beyond the key's own arrays (0 without precomputation).</summary>
    public long PrecomputedBytes =>
        Extra(_a) + Extra(_b1) + Extra(_b2) + Extra(_c) + Extra(_h);

    private static long Extra<TAff>(MsmBases<TAff> b) where TAff : unmanaged => b.PrecomputeFactor == 1 ? 0 : b.ByteSize;

    /// <summary>Reads a .zkey (see <see cref="ZkeyReader"/>) and returns a prover for it (see the constructor for
    /// <paramref name="options"/>).</summary>
    /// <param name="zkeyPath">The snarkjs Groth16 proving key.</param>
    /// <param name="backend">The backend the proofs run on.</param>
    /// <param name="progress">Optional: told how far each zkey section has been read (<see cref="ProverPhase.ReadKey"/>).</param>
    /// <param name="options">Optional prover options (fixed-base precomputation); null for the defaults.</param>
    /// <exception cref="CircomFormatException">The key file is malformed.</exception>
    public static Prover Load(string zkeyPath, IComputeBackend backend, IProgress<ProverProgress>? progress = null, ProverOptions? options = null) =>
        new(ZkeyReader.Read(zkeyPath, progress), backend, options);

    /// <summary>
    /// Proves <paramref name="witness"/> (all NVars wire values, index 0 = 1). Returns the proof and the public signals
    /// (witness[1..NPublic]). A witness that does not satisfy the circuit gives a proof that does not verify.
    /// </summary>
    /// <param name="witness">The full witness, NVars values.</param>
    /// <param name="timings">Optional: receives the wall-clock time of each step.</param>
    /// <param name="progress">Optional: told when each step (witness products, NTTs one by one, each MSM, blinding) starts
    /// and ends, in that order (see <see cref="ProverProgress"/>).</param>
    /// <exception cref="ArgumentException">The witness length is not the key's NVars.</exception>
    public (Proof Proof, Fr[] PublicSignals) Prove(Fr[] witness, ProverTimings? timings = null, IProgress<ProverProgress>? progress = null) =>
        Prove(witness, Fr.RandomSecure(), Fr.RandomSecure(), timings, progress);

    /// <summary>As <see cref="Prove(Fr[], ProverTimings?, IProgress{ProverProgress}?)"/> with given blinding factors (tests only: reused r, s leak the witness).</summary>
    internal (Proof Proof, Fr[] PublicSignals) Prove(Fr[] witness, Fr r, Fr s, ProverTimings? timings = null, IProgress<ProverProgress>? progress = null)
    {
        var pk = Key;
        if (witness.Length != pk.NVars) throw new ArgumentException($"the witness has {witness.Length} values, the proving key {pk.NVars} variables", nameof(witness));
        timings ??= new ProverTimings();
        var gate = new object();
        void Report(ProverProgress p)
        {
            if (progress != null) lock (gate) progress.Report(p);
        }
        // one step: reported as started (0 of total), timed, reported as done (total of total)
        // (an overlapped step keeps its time in its slot of `overlapped`, added to the timings in order afterwards)
        var overlapped = new ProverStep[6];
        T Step<T>(ProverPhase phase, string name, Func<T> body, int total = 1, int slot = -1)
        {
            Report(new ProverProgress(phase, name, 0, total));
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var result = body();
            if (_overlap && slot >= 0) overlapped[slot] = new ProverStep(name, sw.Elapsed, true);
            else timings.Add(name, sw.Elapsed);
            Report(new ProverProgress(phase, name, total, total));
            return result;
        }
        int n = pk.DomainSize;
        var a = new Fr[n];
        var b = new Fr[n];
        var c = new Fr[n];
        Step(ProverPhase.WitnessProducts, "witness products (A·w, B·w, C·w)", () => { Qap.EvaluateWitnessProducts(pk, witness, a, b, c); return 0; });
        const string nttStep = "NTTs (3 inverse + 3 odd-coset)";
        G1Projective piA = default, piB1 = default, piC = default, piH = default;
        G2Projective piB2 = default;
        // With overlapping steps each MSM runs on a share of the cores (see ProverOptions.ConcurrentSteps).
        var msm = _overlap ? new MsmConfig { Threads = StepThreads } : MsmConfig.Default;
        var steps = new StepScheduler.Step[]
        {
            // The NTTs and MSM H are the critical path (H needs h); B2, the largest MSM, next.
            new(() => Step(ProverPhase.Ntt, nttStep, () =>
            {
                Backend.QuotientOnOddCoset(a, b, c, LogDomainSize,
                    done => { if (done < 6) Report(new ProverProgress(ProverPhase.Ntt, nttStep, done, 6)); });
                return 0;
            }, total: 6, slot: 0)),
            new(() => piH = Step(ProverPhase.Msm, "MSM H (G1)", () => Backend.MsmG1(_h, a, msm), slot: 1), After: 0),
            new(() => piB2 = Step(ProverPhase.Msm, "MSM B2 (G2)", () => Backend.MsmG2(_b2, witness, msm), slot: 2)),
            new(() => piA = Step(ProverPhase.Msm, "MSM A (G1)", () => Backend.MsmG1(_a, witness, msm), slot: 3)),
            new(() => piB1 = Step(ProverPhase.Msm, "MSM B1 (G1)", () => Backend.MsmG1(_b1, witness, msm), slot: 4)),
            new(() => piC = Step(ProverPhase.Msm, "MSM C (G1)", () => Backend.MsmG1(_c, witness.AsSpan(pk.NPublic + 1), msm), slot: 5)),
        };
        // snarkjs's order of the steps (NTTs, then A, B1, B2, C, H): how they run one after another, and how overlapped
        // steps are listed in the timings
        int[] snarkjsOrder = [0, 3, 4, 2, 5, 1];
        if (_overlap)
        {
            var wall = System.Diagnostics.Stopwatch.StartNew();
            StepScheduler.Run(steps, StepWorkers);
            timings.Add(OverlappedStep, wall.Elapsed);
            foreach (int i in snarkjsOrder) timings.Add(overlapped[i].Step, overlapped[i].Time, concurrent: true);
        }
        else
        {
            foreach (int i in snarkjsOrder) steps[i].Body();
        }
        var proof = Step(ProverPhase.Blinding, "blinding", () =>
        {
            var delta1 = G1Projective.FromAffine(pk.Delta1);
            var A = piA + pk.Alpha1 + delta1 * r;
            var B = piB2 + pk.Beta2 + G2Projective.FromAffine(pk.Delta2) * s;
            var B1 = piB1 + pk.Beta1 + delta1 * s;
            var C = piC + piH + A * s + B1 * r - delta1 * (r * s);
            return new Proof(A.ToAffine(), B.ToAffine(), C.ToAffine());
        });
        return (proof, witness[1..(pk.NPublic + 1)]);
    }
}
