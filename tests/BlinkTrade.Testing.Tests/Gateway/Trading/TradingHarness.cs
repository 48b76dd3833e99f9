using System.Text.Json;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

internal static class TradingHarness
{
    public const long Btc = 100_000_000;

    public static async Task<ExchangeHarness> StartFundedAsync(TransportKind kind = TransportKind.InMemory, Func<ReferenceExchangeOptions, ReferenceExchangeOptions>? configure = null)
    {
        var harness = await ExchangeHarness.StartAsync(kind, configure);
        foreach (var user in new[] { harness.AliceId, harness.BobId })
        {
            await harness.Exchange.CreditAsync(user, "BTC", new(10 * Btc));
            await harness.Exchange.CreditAsync(user, "USD", new(100_000 * Btc));
        }
        return harness;
    }

    public static string Order(string clOrdId, string side, long price, long qty, string type = "2") =>
        $$"""{"MsgType":"D","ClOrdID":"{{clOrdId}}","Symbol":"BTCUSD","Side":"{{side}}","OrdType":"{{type}}","Price":{{price}},"OrderQty":{{qty}},"BrokerID":5}""";

    public static Func<JsonElement, bool> Er(string clOrdId, string execType) => f =>
        f.GetProperty("MsgType").GetString() == "8" && f.GetProperty("ClOrdID").GetString() == clOrdId && f.GetProperty("ExecType").GetString() == execType;

    public static string Login(string user, string password) =>
        $$"""{"MsgType":"BE","UserReqID":1,"BrokerID":5,"Username":"{{user}}","Password":"{{password}}","UserReqTyp":"1"}""";
}
