using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.Gateway.Funding;
using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Gateway.Trading;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>
/// The MsgType → handler table. Public types are those an anonymous session may send (heartbeat, login, signup,
/// password reset, market data, security list/status); everything else needs a login and, for API-key sessions,
/// passes the PermissionList first (§4.1, §5 G21).
/// </summary>
internal static class HandlerCatalog
{
    public static void MapAll(MessageDispatcher dispatcher)
    {
        // Session (BE checks login/permissions per UserReqTyp itself: login is public, logout/change password are not).
        dispatcher.Map("1", RouteAccess.Public, SessionHandlers.HeartbeatAsync);
        dispatcher.Map("0", RouteAccess.Public, SessionHandlers.HeartbeatAsync);
        dispatcher.Map("BE", RouteAccess.Public, SessionHandlers.UserRequestAsync);
        dispatcher.Map("U0", RouteAccess.Public, SessionHandlers.SignupAsync);
        dispatcher.Map("U10", RouteAccess.Public, SessionHandlers.CreatePasswordResetAsync);
        dispatcher.Map("U12", RouteAccess.Public, SessionHandlers.ProcessPasswordResetAsync);
        dispatcher.Map("U16", RouteAccess.Authenticated, SessionHandlers.TwoFactorAsync);
        dispatcher.Map("U50", RouteAccess.Authenticated, ApiKeyHandlers.ListAsync);
        dispatcher.Map("U52", RouteAccess.Authenticated, ApiKeyHandlers.CreateAsync);
        dispatcher.Map("U54", RouteAccess.Authenticated, ApiKeyHandlers.RevokeAsync);
        dispatcher.Map("U38", RouteAccess.Authenticated, ProfileHandlers.UpdateProfileAsync);
        dispatcher.Map("U28", RouteAccess.Public, ProfileHandlers.BrokerListAsync);   // a public list (PROTOCOL.md §1.5)

        // Orders, balances, lists, funding and market data (over the engine).
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
        // Deposit methods are public lists (PROTOCOL.md §1.5): an anonymous session names the broker with BrokerID.
        dispatcher.Map("U20", RouteAccess.Public, FundingHandlers.DepositMethodsAsync);
        dispatcher.Map("U48", RouteAccess.Public, FundingHandlers.DepositMethodAsync);
        dispatcher.Map("U30", RouteAccess.Authenticated, FundingHandlers.DepositListAsync);
        dispatcher.Map("U6", RouteAccess.Authenticated, FundingHandlers.WithdrawAsync);
        dispatcher.Map("U24", RouteAccess.Authenticated, FundingHandlers.ConfirmWithdrawAsync);
        dispatcher.Map("U26", RouteAccess.Authenticated, FundingHandlers.WithdrawListAsync);
        dispatcher.Map("U70", RouteAccess.Authenticated, FundingHandlers.CancelWithdrawAsync);
        dispatcher.Map("U78", RouteAccess.Authenticated, FundingHandlers.CommentWithdrawAsync);
        dispatcher.Map("U36", RouteAccess.Authenticated, TradersRankHandler.TradersRankAsync);
    }
}
