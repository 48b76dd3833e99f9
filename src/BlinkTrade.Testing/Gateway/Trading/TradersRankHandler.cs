using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.Gateway.Handlers;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.Trading;

/// <summary>
/// U36 → U37: traders ranked by their total balance in one currency (PROTOCOL.md §2.2: "BTC balances ranked"),
/// highest first, ties by username; brokers and fee accounts are not traders. <c>Filter</c> may name the currency as
/// <c>"Currency eq LTC"</c> (default BTC). Paged like every columnar list. The response echoes
/// <c>TradersRankReqID</c> (G33 corrects engine-2015's <c>DepositListReqID</c>).
/// </summary>
internal static class TradersRankHandler
{
    private const string DefaultCurrency = "BTC";

    public static async ValueTask TradersRankAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        message.Require("TradersRankReqID");
        var (page, pageSize) = AccountLists.Paging(message, 20);
        var currency = ParseCurrency(message.GetOptionalStringArray("Filter"));
        await services.ReplyAsync(session, state =>
        {
            var ranked = state.Directory.Users
                .Where(u => !u.IsBroker)
                .Select(u => (User: u, Total: state.Engine.Accounts.GetBalance(u.BrokerId, u.UserId, currency).Total))
                .Where(x => x.Total > 0)
                .OrderByDescending(x => x.Total).ThenBy(x => x.User.Username, StringComparer.Ordinal)
                .Select((x, index) => (Rank: index + 1, x.User, x.Total))
                .Skip(page * pageSize).Take(pageSize)
                .ToList();
            return AccountLists.Encode(new TradersRankResponse
            {
                TradersRankGrp = [.. ranked.Select(e => new TradersRankEntry
                {
                    Rank = e.Rank,
                    Trader = e.User.Username,
                    Broker = state.Directory.FindBroker(e.User.BrokerId)?.Name,
                    Amount = Amount.FromSatoshis(e.Total),
                })],
            }, message, page, pageSize);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string ParseCurrency(IReadOnlyList<string>? filters)
    {
        var currency = DefaultCurrency;
        foreach (var filter in filters ?? [])
        {
            var parts = filter.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || parts[0] != "Currency" || parts[1] != "eq")
            {
                throw GatewayException.InvalidValue("Filter", filter);
            }
            currency = parts[2];
        }
        return currency;
    }
}
