using BlinkTrade.Client;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;
using BlinkTrade.EndToEnd.Tests.Support;
using BlinkTrade.Testing;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>The paging helpers go through the pacing: a full listing of a 2,000-row ledger (100 pages of 20, back to
/// back) finishes at the defaults without tripping the exchange's rate limit.</summary>
public sealed class LedgerPacingTests
{
    private static readonly int DefaultLimit = new ReferenceExchangeOptions().MaxMessagesPerSecond;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_2000_row_ledger_lists_in_full_at_the_defaults_without_tripping_the_rate_limit(TransportKind kind)
    {
        using var cts = Wait.Budget(120);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct, configure: o => o with { MaxMessagesPerSecond = DefaultLimit });
        var aliceId = await h.CreateUserAsync("alice", cancellationToken: ct);
        for (var i = 1; i <= 2000; i++)
        {
            await h.Exchange.CreditAsync(aliceId, "USD", new(i), ct); // one ledger row each
        }
        var alice = h.Client("alice", configure: o =>
        {
            o.Pacing = new PacingOptions();
            o.RequestTimeout = new BlinkTradeClientOptions().RequestTimeout;
        });
        var errors = new Recorder<BlinkTradeClientError>();
        var states = new Recorder<ConnectionStateChange>();
        using var s1 = alice.Errors.Subscribe(errors);
        using var s2 = alice.ConnectionStates.Subscribe(states);
        await alice.ConnectAsync(ct);

        var rows = new List<LedgerEntry>();
        await foreach (var row in alice.GetLedgerAsync(cancellationToken: ct))
        {
            rows.Add(row);
        }

        Assert.Equal(2000, rows.Count);
        Assert.Equal(2000 * 2001 / 2, rows.Sum(r => r.Amount?.Satoshis ?? 0));
        Assert.Equal(2000, rows.Select(r => r.LedgerID).Distinct().Count());
        Assert.DoesNotContain(errors.Items, e => e.Kind is ClientErrorKind.ServerError or ClientErrorKind.ConnectionLost);
        Assert.DoesNotContain(states.Items, x => x.State == ConnectionState.Reconnecting);
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
    }
}
