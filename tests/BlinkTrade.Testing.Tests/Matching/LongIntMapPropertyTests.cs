using BlinkTrade.Testing.Collections;
using BlinkTrade.Testing.Matching;
using FsCheck;
using FsCheck.Fluent;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>FsCheck: the account index behaves like a dictionary under any sequence of adds and removes (collisions forced by a tiny key range).</summary>
public class LongIntMapPropertyTests
{
    [Fact]
    public void Map_agrees_with_a_dictionary_model()
    {
        var operation = Gen.Choose(0, 2).SelectMany(kind => Gen.Choose(1, 200).Select(key => (Kind: kind, Key: (long)key * 1_000_003)));
        var property = Prop.ForAll(Arb.From(Gen.ArrayOf(operation)), operations =>
        {
            var map = new LongIntMap(4);
            var model = new Dictionary<long, int>();
            for (var i = 0; i < operations.Length; i++)
            {
                var (kind, key) = operations[i];
                switch (kind)
                {
                    case 0 when !model.ContainsKey(key):
                        map.Add(key, i);
                        model[key] = i;
                        break;
                    case 1:
                        if (map.Remove(key) != model.Remove(key))
                        {
                            return false;
                        }

                        break;
                }

                if (map.Count != model.Count)
                {
                    return false;
                }
            }

            for (var key = 1_000_003L; key <= 200 * 1_000_003L; key += 1_000_003)
            {
                var found = map.TryGet(key, out var value);
                if (found != model.TryGetValue(key, out var expected) || (found && value != expected))
                {
                    return false;
                }
            }

            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void Engine_invariants_hold_for_fscheck_generated_command_seeds()
    {
        // FsCheck picks the seeds and policies; each run is a short random stream checked after every command.
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue).SelectMany(seed => Gen.Choose(0, 3).Select(policy => (seed, policy)))), input =>
        {
            RandomCommandPropertyTests.Run((SelfTradePrevention)input.policy, input.seed, commands: 300);
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property);
    }
}
