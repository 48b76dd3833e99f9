using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>Runs or announces a command of a mixed list (<see cref="NewOrder"/> or <see cref="CancelOrder"/>): the lookahead tests
/// feed one list to an engine that is told about commands ahead and to one that is not.</summary>
internal static class AnnouncedCommands
{
    /// <summary>Announces <paramref name="command"/> to the engine's lookahead (<see cref="MatchingEngine.Prefetch(in NewOrder)"/>).</summary>
    public static void Tell(MatchingEngine engine, object command)
    {
        if (command is CancelOrder cancel)
        {
            engine.Prefetch(in cancel);
        }
        else
        {
            var order = (NewOrder)command;
            engine.Prefetch(in order);
        }
    }

    /// <summary>Runs <paramref name="command"/>: the order id of a placement, the <see cref="CancelResult"/> of a cancel.</summary>
    public static long Apply(MatchingEngine engine, object command)
    {
        if (command is CancelOrder cancel)
        {
            return (long)engine.CancelOrder(in cancel);
        }

        var order = (NewOrder)command;
        return engine.PlaceOrder(in order);
    }
}
