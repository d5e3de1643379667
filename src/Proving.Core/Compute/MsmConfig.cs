namespace Proving.Core.Compute;

/// <summary>
/// Options of one multi-scalar multiplication (in the manner of ICICLE's MSMConfig). Defaults: window width chosen
/// from the input size, every core.
/// </summary>
public sealed record MsmConfig
{
    private readonly int _windowBits;
    private readonly int _threads;

    /// <summary>
    /// Pippenger window width c in bits, 1..20, or 0 (the default) for the built-in choice per input size (a cost model
    /// of mixed additions and bucket sums, capped at 16; see <c>CpuMsm.DefaultWindowBits</c>). A window keeps 2^(c-1)
    /// buckets per worker.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0..24.</exception>
    public int WindowBits
    {
        get => _windowBits;
        init => _windowBits = value is >= 0 and <= 20 ? value : throw new ArgumentOutOfRangeException(nameof(WindowBits), value, "window bits must be 0 (auto) or 1..20");
    }

    /// <summary>Worker threads, or 0 (the default) for every logical processor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int Threads
    {
        get => _threads;
        init => _threads = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Threads), value, "threads must be 0 (all cores) or positive");
    }

    /// <summary>Automatic window, all cores.</summary>
    public static MsmConfig Default { get; } = new();
}
