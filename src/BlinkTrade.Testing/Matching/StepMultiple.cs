using System.Numerics;

namespace BlinkTrade.Testing.Matching;

/// <summary>
/// Tells whether a positive amount is a multiple of a fixed step (an instrument's tick size) with a multiplication instead of a
/// 64-bit division: every placement checks its price against the tick, and <c>idiv</c> is the slowest instruction on that path.
/// With the step written as <c>m × 2^k</c> (<c>m</c> odd), <c>n</c> is a multiple exactly when its low <c>k</c> bits are zero and
/// <c>(n &gt;&gt; k) × m⁻¹ mod 2^64 ≤ (2^64 − 1) / m</c>, where <c>m⁻¹</c> is the inverse of <c>m</c> modulo 2^64 (Granlund and
/// Montgomery, "Division by invariant integers using multiplication", 1994, §9): multiplying by the inverse maps the multiples of
/// <c>m</c> one-to-one onto <c>0 … (2^64 − 1) / m</c>.
/// </summary>
internal readonly struct StepMultiple
{
    private readonly ulong _inverse;
    private readonly ulong _limit;
    private readonly ulong _lowMask;
    private readonly int _shift;

    /// <summary>Prepares the test for <paramref name="step"/>.</summary>
    /// <param name="step">The step, at least 1.</param>
    public StepMultiple(long step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        _shift = BitOperations.TrailingZeroCount(step);
        _lowMask = (1UL << _shift) - 1;
        var odd = (ulong)step >> _shift;

        // Newton's iteration for the inverse modulo 2^64: an odd m is its own inverse to 3 bits, and each step doubles the
        // correct bits (3, 6, 12, 24, 48, 96).
        var inverse = odd;
        for (var i = 0; i < 5; i++)
        {
            inverse *= 2 - (odd * inverse);
        }

        _inverse = inverse;
        _limit = ulong.MaxValue / odd;
    }

    /// <summary>Whether <paramref name="value"/> (positive) is a multiple of the step: <c>value % step == 0</c>.</summary>
    /// <param name="value">A positive amount.</param>
    /// <returns>Whether it is a multiple.</returns>
    public bool IsMultiple(long value) =>
        ((ulong)value & _lowMask) == 0 && ((ulong)value >> _shift) * _inverse <= _limit;
}
