namespace BlinkTrade.Testing;

/// <summary>Applies an <see cref="ExchangeSeed"/> to a running exchange through its control API.</summary>
internal static class SeedLoader
{
    public static async Task ApplyAsync(ReferenceExchange exchange, ExchangeSeed seed, CancellationToken cancellationToken)
    {
        foreach (var broker in seed.Brokers)
        {
            await exchange.CreateBrokerAsync(broker.Id, broker.Name, broker.MakerFeeBps, broker.TakerFeeBps, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        foreach (var instrument in seed.Instruments)
        {
            await exchange.CreateInstrumentAsync(instrument.Symbol, instrument.Base, instrument.Quote, instrument.TickSize, instrument.MinQty, cancellationToken).ConfigureAwait(false);
        }
        foreach (var user in seed.Users)
        {
            var userId = await exchange.CreateUserAsync(user.Username, user.Password, user.Broker, user.Email, cancellationToken: cancellationToken).ConfigureAwait(false);
            await ApplyUserExtrasAsync(exchange, userId, user, cancellationToken).ConfigureAwait(false);
        }
        await ApplyAdminsAsync(exchange, seed, cancellationToken).ConfigureAwait(false);
    }

    private static Task ApplyUserExtrasAsync(ReferenceExchange exchange, int userId, SeedUser user, CancellationToken cancellationToken)
    {
        var pending = new List<Task>();
        exchange.SeedUser(userId, user, pending, cancellationToken);
        return Task.WhenAll(pending);
    }

    private static Task ApplyAdminsAsync(ReferenceExchange exchange, ExchangeSeed seed, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var admin in seed.Admins)
        {
            exchange.SeedAdmin(admin);
        }
        return Task.CompletedTask;
    }
}
