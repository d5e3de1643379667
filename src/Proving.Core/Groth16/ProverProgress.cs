namespace Proving.Core.Groth16;

/// <summary>The kind of work a <see cref="ProverProgress"/> report is about, in the order the prover does it.</summary>
public enum ProverPhase
{
    /// <summary>Reading one section of the .zkey (<see cref="Circom.ZkeyReader.Read"/>); units: records (points or coefficients).</summary>
    ReadKey,

    /// <summary>A·w, B·w and C·w on the domain (<see cref="Qap.EvaluateWitnessProducts"/>); units: the one step.</summary>
    WitnessProducts,

    /// <summary>The three inverse and three odd-coset NTTs and the pointwise a·b − c; units: NTTs (6 in all).</summary>
    Ntt,

    /// <summary>One multi-scalar multiplication (A, B1, B2, C or H); units: the one MSM (backends report no finer grain).</summary>
    Msm,

    /// <summary>Adding the random r, s blinding terms and converting the proof to affine; units: the one step.</summary>
    Blinding,
}

/// <summary>
/// One progress report from <see cref="Prover.Load"/> or <see cref="Prover.Prove(Curves.Bn254.Fr[], ProverTimings?, IProgress{ProverProgress}?)"/>.
/// Every step is reported first with <see cref="Completed"/> = 0 and last with <see cref="Completed"/> =
/// <see cref="Total"/>, with non-decreasing counts in between; steps are reported one after another, never interleaved.
/// Reports are made synchronously on the worker thread doing the step (not through a synchronization context), one at
/// a time, so a handler must be quick and should not block: it runs inside the load or proof.
/// </summary>
/// <param name="Phase">What kind of work the step is.</param>
/// <param name="Step">A human-readable step name, e.g. "A points" (zkey section 5) or "MSM B2 (G2)"; the same names
/// as the <see cref="ProverTimings"/> entries of the proof.</param>
/// <param name="Completed">Units done so far (see <see cref="ProverPhase"/> for each phase's unit), 0..Total.</param>
/// <param name="Total">Units in the whole step; 0 only for an empty zkey section (e.g. a C section when every wire is public).</param>
public readonly record struct ProverProgress(ProverPhase Phase, string Step, long Completed, long Total)
{
    /// <summary>Completed / Total as a fraction in [0, 1] (1 for an empty step).</summary>
    public double Fraction => Total == 0 ? 1 : (double)Completed / Total;

    /// <summary>True for the last report of a step (Completed = Total).</summary>
    public bool IsStepDone => Completed == Total;
}
