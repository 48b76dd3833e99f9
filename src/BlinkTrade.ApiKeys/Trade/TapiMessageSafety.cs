using BlinkTrade.Client.Protocol;

namespace BlinkTrade.ApiKeys.Trade;

/// <summary>
/// Which messages only read, so that sending one twice changes nothing: those are retried after a failure of unknown
/// outcome (5xx, timeout, transport error), like a GET. Every other message — an order, a cancel, a withdrawal, a
/// profile change — is never resent blindly.
/// </summary>
internal static class TapiMessageSafety
{
    private static readonly HashSet<string> s_readOnly = new(StringComparer.Ordinal)
    {
        MessageTypes.TestRequest,
        MessageTypes.BalanceRequest,
        MessageTypes.OrdersListRequest,
        MessageTypes.LedgerListRequest,
        MessageTypes.PositionRequest,
        MessageTypes.TradeHistoryRequest,
        MessageTypes.TradersRankRequest,
        MessageTypes.SecurityListRequest,
        MessageTypes.DepositMethodsRequest,
        MessageTypes.DepositMethodRequest,
        MessageTypes.DepositListRequest,
        MessageTypes.WithdrawListRequest,
        MessageTypes.BrokerListRequest,
        MessageTypes.ApiKeyListRequest,
    };

    public static bool IsSafeToRepeat(string msgType) => s_readOnly.Contains(msgType);
}
