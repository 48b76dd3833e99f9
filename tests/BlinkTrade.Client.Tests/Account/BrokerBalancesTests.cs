using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Account;

/// <summary>Issue 18 (task 18s): <see cref="BrokerBalances.Apply"/> merges an update into a new instance kept as a small
/// array of pairs (a dictionary beyond 8 currencies); every earlier instance stays as it was, and both forms read,
/// enumerate, print and serialize alike.</summary>
public sealed class BrokerBalancesTests
{
    private static Amount Btc(decimal value) => Amount.FromDecimal(value);

    private static BrokerBalances Of(params (string Currency, decimal? Total, decimal? Locked)[] balances)
        => new(balances.Select(b => KeyValuePair.Create(b.Currency, new CurrencyBalance(b.Total is { } t ? Btc(t) : null, b.Locked is { } l ? Btc(l) : null))));

    [Fact]
    public void An_update_merges_parts_keeps_the_order_adds_new_currencies_and_leaves_the_earlier_balances_unchanged()
    {
        var start = Of(("BTC", 1m, 0.3m), ("USD", 5000m, 0m));
        var first = start.Apply(Of(("USD", null, 100m)));
        var second = first.Apply(Of(("BRL", 7m, null), ("BTC", 2m, null)));
        var third = second.Apply(Of(("BRL", null, 1m)));

        Assert.Equal(["BTC", "USD"], start.Keys);
        Assert.Equal(new CurrencyBalance(Btc(5000m), Btc(0m)), start["USD"]);
        Assert.Equal(new CurrencyBalance(Btc(5000m), Btc(100m)), first["USD"]);
        Assert.Equal(new CurrencyBalance(Btc(1m), Btc(0.3m)), first["BTC"]);
        Assert.Equal(["BTC", "USD", "BRL"], second.Keys);
        Assert.Equal(new CurrencyBalance(Btc(2m), Btc(0.3m)), second["BTC"]);
        Assert.Equal(new CurrencyBalance(Btc(7m), null), second["BRL"]);
        Assert.Equal(new CurrencyBalance(Btc(7m), Btc(1m)), third["BRL"]);
        Assert.Equal(3, third.Count);
        Assert.Equal(third.Keys, third.Select(p => p.Key));
        Assert.Equal(third.Values, third.Select(p => p.Value));
        Assert.Equal(2, first.Count);
        Assert.True(first.ContainsKey("USD"));
        Assert.False(first.ContainsKey("BRL"));
        Assert.False(first.TryGetValue("usd", out _)); // ordinal, as the dictionary
        Assert.Throws<KeyNotFoundException>(() => first["BRL"]);
        Assert.Equal(start.ToString().Replace("USD=5000/0", "USD=5000/100", StringComparison.Ordinal), first.ToString());
    }

    [Fact]
    public void Beyond_eight_currencies_the_merge_is_a_dictionary_with_the_same_contents_and_order()
    {
        var codes = Enumerable.Range(0, 10).Select(i => "C" + i).ToArray();
        var merged = Of(("C0", 1m, null));
        foreach (var code in codes.Skip(1))
        {
            merged = merged.Apply(Of((code, 2m, null)));
        }
        merged = merged.Apply(Of(("C0", null, 0.5m), ("C9", 3m, null)));
        Assert.Equal(codes, merged.Keys);
        Assert.Equal(new CurrencyBalance(Btc(1m), Btc(0.5m)), merged["C0"]);
        Assert.Equal(new CurrencyBalance(Btc(3m), null), merged["C9"]);
        Assert.Equal(new CurrencyBalance(Btc(2m), null), merged["C4"]);
    }

    [Fact]
    public void A_merged_update_serializes_as_the_same_frame_as_one_built_whole()
    {
        var merged = Of(("BTC", 1m, 0.3m)).Apply(Of(("USD", 50m, 0m)));
        var whole = Of(("BTC", 1m, 0.3m), ("USD", 50m, 0m));
        string Frame(BrokerBalances balances) => ProtocolSerializer.SerializeToString(new UserBalanceResponse
        {
            BalanceReqID = 3,
            ClientID = 90800127,
            Balances = new Dictionary<int, BrokerBalances> { [5] = balances },
        });
        Assert.Equal(Frame(whole), Frame(merged));
        Assert.Contains("\"5\":{\"BTC\":100000000,\"BTC_locked\":30000000,\"USD\":5000000000,\"USD_locked\":0}", Frame(merged), StringComparison.Ordinal);
    }
}
