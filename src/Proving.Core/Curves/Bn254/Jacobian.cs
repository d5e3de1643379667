using System.Runtime.CompilerServices;
using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// Jacobian-coordinate formulas for y^2 = x^3 + b (a = 0), written once for any coordinate field and specialised by
/// the JIT for Fq (G1) and Fq2 (G2). Formulas from the Explicit-Formulas Database (hyperelliptic.org/EFD,
/// "g1p/auto-shortw-jacobian-0"): dbl-2009-l, add-2007-bl, madd-2007-bl. The identity is any triple with Z = 0.
/// Outputs are written only after every input has been read, so callers may alias them.
/// </summary>
internal static class Jacobian<TF> where TF : struct, IField<TF>
{
    /// <summary>(x3, y3, z3) = 2·(x, y, z). 2M + 5S.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in TF x, in TF y, in TF z, out TF x3, out TF y3, out TF z3)
    {
        if (z.IsZero) { x3 = x; y3 = y; z3 = z; return; }
        var a = x.Square();
        var b = y.Square();
        var c = b.Square();
        var d = ((x + b).Square() - a - c).Double();
        var e = a.Double() + a;
        var f = e.Square();
        var nx = f - d.Double();
        var ny = e * (d - nx) - c.Double().Double().Double();
        var nz = (y * z).Double();
        x3 = nx; y3 = ny; z3 = nz;
    }

    /// <summary>(x3, y3, z3) = (x1, y1, z1) + (x2, y2, z2), complete. 11M + 5S.</summary>
    public static void Add(in TF x1, in TF y1, in TF z1, in TF x2, in TF y2, in TF z2, out TF x3, out TF y3, out TF z3)
    {
        if (z1.IsZero) { x3 = x2; y3 = y2; z3 = z2; return; }
        if (z2.IsZero) { x3 = x1; y3 = y1; z3 = z1; return; }
        var z1z1 = z1.Square();
        var z2z2 = z2.Square();
        var u1 = x1 * z2z2;
        var u2 = x2 * z1z1;
        var s1 = y1 * z2 * z2z2;
        var s2 = y2 * z1 * z1z1;
        var h = u2 - u1;
        var rr = (s2 - s1).Double();
        if (h.IsZero)
        {
            if (rr.IsZero) { Double(x1, y1, z1, out x3, out y3, out z3); return; }
            x3 = TF.One; y3 = TF.One; z3 = TF.Zero; // P + (-P)
            return;
        }
        var i = h.Double().Square();
        var j = h * i;
        var v = u1 * i;
        var nx = rr.Square() - j - v.Double();
        var ny = rr * (v - nx) - (s1 * j).Double();
        var nz = ((z1 + z2).Square() - z1z1 - z2z2) * h;
        x3 = nx; y3 = ny; z3 = nz;
    }

    /// <summary>(x3, y3, z3) = (x1, y1, z1) + (x2, y2) for an affine (x2, y2) that is not infinity. 7M + 4S.</summary>
    public static void AddMixed(in TF x1, in TF y1, in TF z1, in TF x2, in TF y2, out TF x3, out TF y3, out TF z3)
    {
        if (z1.IsZero) { x3 = x2; y3 = y2; z3 = TF.One; return; }
        var z1z1 = z1.Square();
        var u2 = x2 * z1z1;
        var s2 = y2 * z1 * z1z1;
        var h = u2 - x1;
        var rr = (s2 - y1).Double();
        if (h.IsZero)
        {
            if (rr.IsZero) { Double(x1, y1, z1, out x3, out y3, out z3); return; }
            x3 = TF.One; y3 = TF.One; z3 = TF.Zero;
            return;
        }
        var hh = h.Square();
        var i = hh.Double().Double();
        var j = h * i;
        var v = x1 * i;
        var nx = rr.Square() - j - v.Double();
        var ny = rr * (v - nx) - (y1 * j).Double();
        var nz = (z1 + h).Square() - z1z1 - hh;
        x3 = nx; y3 = ny; z3 = nz;
    }

    /// <summary>True when (x1 : y1 : z1) and (x2 : y2 : z2) are the same point.</summary>
    public static bool Equal(in TF x1, in TF y1, in TF z1, in TF x2, in TF y2, in TF z2)
    {
        bool inf1 = z1.IsZero, inf2 = z2.IsZero;
        if (inf1 || inf2) return inf1 && inf2;
        var z1z1 = z1.Square();
        var z2z2 = z2.Square();
        if (x1 * z2z2 != x2 * z1z1) return false;
        return y1 * z2 * z2z2 == y2 * z1 * z1z1;
    }

    /// <summary>True when z = 0 or y^2 = x^3 + b·z^6.</summary>
    public static bool IsOnCurve(in TF x, in TF y, in TF z, in TF b)
    {
        if (z.IsZero) return true;
        var z2 = z.Square();
        var z6 = z2.Square() * z2;
        return y.Square() == x.Square() * x + b * z6;
    }

    /// <summary>Affine (x/z^2, y/z^3) given zInv = 1/z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ToAffine(in TF x, in TF y, in TF zInv, out TF ax, out TF ay)
    {
        var zi2 = zInv.Square();
        ax = x * zi2;
        ay = y * zi2 * zInv;
    }
}
