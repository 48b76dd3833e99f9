using BlinkTrade.Testing.Users;
using Amount = BlinkTrade.Client.Protocol.Amount;

namespace BlinkTrade.Testing;

/// <summary>Applies an <see cref="ExchangeSeed"/> to a running exchange through its control API.</summary>
internal static class SeedLoader
{
    public static async Task ApplyAsync(ReferenceExchange exchange, ExchangeSeed seed, CancellationToken cancellationToken)
    {
        // Checked before anything is applied: a bad seed leaves nothing half-done and names its field.
        seed.Validate();
        foreach (var broker in seed.Brokers)
        {
            await exchange.CreateBrokerAsync(broker.Id, broker.Name, broker.MakerFeeBps, broker.TakerFeeBps, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        foreach (var instrument in seed.Instruments)
        {
            await exchange.CreateInstrumentAsync(instrument.Symbol, instrument.Base, instrument.Quote, new Amount(instrument.TickSize), new Amount(instrument.MinQty), cancellationToken).ConfigureAwait(false);
        }
        var hashes = await HashPasswordsAsync(seed, seed.PasswordHashIterations ?? exchange.Options.PasswordHashIterations, cancellationToken).ConfigureAwait(false);
        var userIds = new int[seed.Users.Count];
        for (var i = 0; i < seed.Users.Count; i++)
        {
            var user = seed.Users[i];
            userIds[i] = await exchange.CreateUserAsync(user.Username, hashes[i], user.Broker, user.Email, cancellationToken).ConfigureAwait(false);
        }
        // Balances and keys; a key's API password is a PBKDF2 hash too, so keys are issued in parallel as well.
        await Parallel.ForAsync(0, seed.Users.Count, Parallelism(cancellationToken),
            async (i, ct) => await exchange.SeedUserAsync(userIds[i], seed.Users[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var admin in seed.Admins)
        {
            exchange.SeedAdmin(admin);
        }
    }

    // Start-up cost is dominated by PBKDF2 (35–50 ms a hash at the default cost): spread it over every core. Nothing
    // is served yet, so there is no live traffic to protect.
    private static async Task<PasswordHash[]> HashPasswordsAsync(ExchangeSeed seed, int iterations, CancellationToken cancellationToken)
    {
        var hashes = new PasswordHash[seed.Users.Count];
        await Parallel.ForAsync(0, hashes.Length, Parallelism(cancellationToken), (i, _) =>
        {
            hashes[i] = PasswordHash.Create(seed.Users[i].Password, iterations);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return hashes;
    }

    private static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
}
