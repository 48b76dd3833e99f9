using BlinkTrade.Testing;
using BlinkTrade.Client.Protocol;
using ClientBook = BlinkTrade.Client.MarketData.OrderBookSnapshot;

namespace BlinkTrade.EndToEnd.Tests.Support;

internal static class BookAssert
{
    /// <summary>Whether the client's replica equals the exchange's book order by order (price, size, order id).</summary>
    public static bool Same(ExchangeBook truth, ClientBook? replica)
        => replica is not null
        && Flatten(truth.Bids).SequenceEqual(replica.Bids.Select(e => (e.Price, e.Size, e.OrderId)))
        && Flatten(truth.Offers).SequenceEqual(replica.Asks.Select(e => (e.Price, e.Size, e.OrderId)));

    /// <summary>Asserts equality with a readable diff.</summary>
    public static void Equal(ExchangeBook truth, ClientBook? replica)
    {
        Assert.NotNull(replica);
        Assert.Equal(Flatten(truth.Bids), replica.Bids.Select(e => (e.Price, e.Size, e.OrderId)));
        Assert.Equal(Flatten(truth.Offers), replica.Asks.Select(e => (e.Price, e.Size, e.OrderId)));
    }

    private static IEnumerable<(Price Price, Quantity Size, long OrderId)> Flatten(IReadOnlyList<ExchangeBookEntry> side) => side.Select(e => (e.Price, e.Quantity, e.OrderId));

    /// <summary>Waits until the replica equals the exchange's book (the exchange is quiescent), then asserts it.</summary>
    public static async Task ConvergesAsync(ReferenceExchange exchange, string symbol, Func<ClientBook?> replica, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ExchangeBook truth = await exchange.GetBookAsync(symbol, cancellationToken);
        try
        {
            await Wait.Eventually(async () =>
            {
                truth = await exchange.GetBookAsync(symbol, cancellationToken);
                return Same(truth, replica());
            }, timeout, "the replica equals the exchange's book");
        }
        catch (TimeoutException)
        {
            Equal(truth, replica()); // fails with the diff
            throw;
        }
    }
}
