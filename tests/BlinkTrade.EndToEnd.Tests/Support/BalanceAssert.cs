using BlinkTrade.Client.Account;
using BlinkTrade.Testing;

namespace BlinkTrade.EndToEnd.Tests.Support;

internal static class BalanceAssert
{
    /// <summary>Waits until a client's latest balance snapshot equals the exchange's ledger (total and locked) in every currency given.</summary>
    public static async Task ConvergesAsync(ReferenceExchange exchange, int userId, Func<BalanceSnapshot?> latest, CancellationToken cancellationToken, params string[] currencies)
    {
        var last = "";
        try
        {
            await Wait.Eventually(async () =>
            {
                foreach (var currency in currencies)
                {
                    var truth = await exchange.GetBalanceAsync(userId, currency, cancellationToken);
                    var mine = latest()?.Get(currency);
                    if (mine?.Total?.Satoshis != truth.Total.Satoshis || (mine?.Locked?.Satoshis ?? 0) != truth.Locked.Satoshis)
                    {
                        last = $"user {userId} {currency}: client {mine?.Total}/{mine?.Locked}, exchange {truth.Total}/{truth.Locked} (total/locked)";
                        return false;
                    }
                }
                return true;
            }, TimeSpan.FromSeconds(10), "balances stream equals the exchange");
        }
        catch (TimeoutException)
        {
            Assert.Fail(last);
        }
    }
}
