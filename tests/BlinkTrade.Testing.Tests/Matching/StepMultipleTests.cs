using BlinkTrade.Testing.Matching;
using FsCheck;
using FsCheck.Fluent;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>The tick check by multiplication (<see cref="StepMultiple"/>) agrees with the remainder for every step shape: 1, powers
/// of two, odd steps, the replay's 10^6, and steps and values near the ends of the range.</summary>
public class StepMultipleTests
{
    private static readonly long[] Steps = [1, 2, 3, 7, 64, 100, 125, 1_000_000, 1_000_003, 15_625, 1L << 40, 3L << 40, long.MaxValue, long.MaxValue - 1, (long.MaxValue / 3) + 1];

    [Fact]
    public void Agrees_with_the_remainder_at_multiples_and_their_neighbours()
    {
        foreach (var step in Steps)
        {
            var test = new StepMultiple(step);
            foreach (var k in new long[] { 1, 2, 3, 5, 1_000, 123_457, long.MaxValue / step })
            {
                if (k > long.MaxValue / step)
                {
                    continue;
                }

                var multiple = step * k;
                Assert.True(test.IsMultiple(multiple), $"{multiple} is a multiple of {step}");
                foreach (var near in new[] { multiple - 1, multiple + 1, multiple - step / 2, multiple + step / 2 })
                {
                    if (near > 0)
                    {
                        Assert.Equal(near % step == 0, test.IsMultiple(near));
                    }
                }
            }
        }
    }

    [Fact]
    public void Agrees_with_the_remainder_for_any_step_and_value()
    {
        // Positive values of every bit length: 64 random bits cut to 1–63.
        var values = Gen.Choose(0, 62).SelectMany(bits => Gen.Choose(int.MinValue, int.MaxValue).SelectMany(high => Gen.Choose(int.MinValue, int.MaxValue)
            .Select(low => (long)(((((ulong)(uint)high) << 32) | (uint)low) >> (63 - bits)) | 1L << bits)));
        var property = Prop.ForAll(Arb.From(values), Arb.From(values), (step, value) =>
            value <= 0 || step <= 0 || new StepMultiple(step).IsMultiple(value) == (value % step == 0));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000), property);

        // Multiples themselves (a random pair is almost never one).
        var multiples = Prop.ForAll(Arb.From(values), Arb.From(Gen.Choose(1, 1_000_000)), (step, factor) =>
            step > long.MaxValue / factor || new StepMultiple(step).IsMultiple(step * factor));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000), multiples);
    }
}
