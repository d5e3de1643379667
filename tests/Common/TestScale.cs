namespace Proving.Testing;

/// <summary>
/// Sizes for slow test suites (<c>[Trait("Category", "Slow")]</c>). <c>PROVING_TEST_SCALE=full</c> runs the
/// large sizes; anything else (the default, and CI) runs a modest size so every suite still executes.
/// </summary>
public static class TestScale
{
    /// <summary>True when <c>PROVING_TEST_SCALE=full</c>.</summary>
    public static bool Full => string.Equals(Environment.GetEnvironmentVariable("PROVING_TEST_SCALE"), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary>Picks <paramref name="full"/> at full scale, <paramref name="small"/> otherwise.</summary>
    public static int Pick(int small, int full) => Full ? full : small;
}
