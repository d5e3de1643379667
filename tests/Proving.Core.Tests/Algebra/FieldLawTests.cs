using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Algebra;

namespace Proving.Core.Tests.Algebra;

/// <summary>Field axioms as FsCheck properties, for any field (extension fields included).</summary>
public abstract class FieldLawTests<T> where T : struct, IField<T>
{
    protected static Arbitrary<T> Elements => Arb.From(Gen.Choose(0, int.MaxValue).Select(seed => T.Random(new Random(seed))));

    [Fact]
    public void RingAxiomsHold() =>
        Prop.ForAll(Elements, Elements, Elements, (a, b, c) =>
            (a + b) + c == a + (b + c) && (a * b) * c == a * (b * c) && a + b == b + a && a * b == b * a
            && a * (b + c) == a * b + a * c && a + T.Zero == a && a * T.One == a && a + (-a) == T.Zero
            && a - b == a + (-b) && a + a == a.Double() && a * a == a.Square())
            .QuickCheckThrowOnFailure();

    [Fact]
    public void InversesHold() =>
        Prop.ForAll(Elements, a => a.IsZero || (a * a.Inverse()).IsOne).QuickCheckThrowOnFailure();

    [Fact]
    public void ZeroHasNoInverse() => Assert.Throws<DivideByZeroException>(() => T.Zero.Inverse());
}
