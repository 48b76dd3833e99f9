namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>The correlation field of every request type (PROTOCOL.md §1.2).</summary>
internal static class RequestIds
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["0"] = "TestReqID",
        ["1"] = "TestReqID",
        ["BE"] = "UserReqID",
        ["U0"] = "UserReqID",
        ["U10"] = "ForgotPasswordReqID",
        ["U12"] = "ResetPasswordReqID",
        ["U16"] = "EnableTwoFactorReqID",
        ["V"] = "MDReqID",
        ["x"] = "SecurityReqID",
        ["e"] = "SecurityStatusReqID",
        ["D"] = "ClOrdID",
        ["F"] = "ClOrdID",
        ["U2"] = "BalanceReqID",
        ["U4"] = "OrdersReqID",
        ["U6"] = "WithdrawReqID",
        ["U18"] = "DepositReqID",
        ["U20"] = "DepositMethodReqID",
        ["U48"] = "DepositMethodReqID",
        ["U24"] = "WithdrawReqID",
        ["U26"] = "WithdrawListReqID",
        ["U28"] = "BrokerListReqID",
        ["U30"] = "DepositListReqID",
        ["U32"] = "TradeHistoryReqID",
        ["U34"] = "LedgerListReqID",
        ["U36"] = "TradersRankReqID",
        ["U38"] = "UpdateReqID",
        ["U42"] = "PositionReqID",
        ["U50"] = "APIKeyListReqID",
        ["U52"] = "APIKeyCreateReqID",
        ["U54"] = "APIKeyRevokeReqID",
        ["U70"] = "WithdrawCancelReqID",
        ["U78"] = "WithdrawReqID",
    };

    public static string? FieldFor(string msgType) => Fields.GetValueOrDefault(msgType);
}
