using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.Gateway.Trading;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <content>Orders, balances, lists and market data (the engine-backed families).</content>
internal static partial class HandlerCatalog
{
    static partial void MapTrading(MessageDispatcher dispatcher)
    {
        dispatcher.Map("V", RouteAccess.Public, MarketDataHandlers.MarketDataRequestAsync);
        dispatcher.Map("x", RouteAccess.Public, MarketDataHandlers.SecurityListAsync);
        dispatcher.Map("e", RouteAccess.Public, MarketDataHandlers.SecurityStatusAsync);
        dispatcher.Map("U32", RouteAccess.Public, MarketDataHandlers.TradeHistoryAsync);
        dispatcher.Map("D", RouteAccess.Authenticated, OrderHandlers.NewOrderAsync);
        dispatcher.Map("F", RouteAccess.Authenticated, OrderHandlers.CancelOrderAsync);
        dispatcher.Map("U2", RouteAccess.Authenticated, OrderHandlers.BalanceAsync);
        dispatcher.Map("U4", RouteAccess.Authenticated, OrderHandlers.OrderListAsync);
        dispatcher.Map("U34", RouteAccess.Authenticated, OrderHandlers.LedgerAsync);
        dispatcher.Map("U42", RouteAccess.Authenticated, OrderHandlers.PositionAsync);
        dispatcher.Map("U18", RouteAccess.Authenticated, FundingHandlers.DepositAsync);
        dispatcher.Map("U20", RouteAccess.Authenticated, FundingHandlers.DepositMethodsAsync);
        dispatcher.Map("U30", RouteAccess.Authenticated, FundingHandlers.DepositListAsync);
        dispatcher.Map("U6", RouteAccess.Authenticated, FundingHandlers.WithdrawAsync);
        dispatcher.Map("U24", RouteAccess.Authenticated, FundingHandlers.ConfirmWithdrawAsync);
        dispatcher.Map("U26", RouteAccess.Authenticated, FundingHandlers.WithdrawListAsync);
        dispatcher.Map("U70", RouteAccess.Authenticated, FundingHandlers.CancelWithdrawAsync);
    }
}
