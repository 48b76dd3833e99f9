using System.Collections.Frozen;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// MsgType → record metadata, and record type → metadata: one table of every message; lookups by MsgType take the
/// characters straight from the frame (no string allocated).
/// </summary>
internal static class MessageRegistry
{
    private static ProtocolJsonContext Context => ProtocolJsonContext.Default;

    /// <summary>Every message the protocol defines, by group (PROTOCOL.md §2).</summary>
    private static readonly MessageDescriptor[] All =
    [
        // MarketData
        new(MessageTypes.MarketDataRequest, Context.MarketDataRequest),
        new(MessageTypes.MarketDataFullRefresh, Context.MarketDataFullRefresh),
        new(MessageTypes.MarketDataIncrementalRefresh, Context.MarketDataIncrementalRefresh),
        new(MessageTypes.MarketDataRequestReject, Context.MarketDataRequestReject),
        new(MessageTypes.SecurityListRequest, Context.SecurityListRequest),
        new(MessageTypes.SecurityList, Context.SecurityList),
        new(MessageTypes.SecurityStatusRequest, Context.SecurityStatusRequest),
        new(MessageTypes.SecurityStatus, Context.Ticker),
        // Orders
        new(MessageTypes.NewOrderSingle, Context.NewOrderSingle),
        new(MessageTypes.ExecutionReport, Context.ExecutionReport),
        new(MessageTypes.OrderCancelRequest, Context.OrderCancelRequest),
        new(MessageTypes.OrdersListRequest, Context.OrdersListRequest),
        new(MessageTypes.OrdersListResponse, Context.OrdersListResponse, "OrdListGrp"),
        new(MessageTypes.TradeHistoryRequest, Context.TradeHistoryRequest),
        new(MessageTypes.TradeHistoryResponse, Context.TradeHistoryResponse, "TradeHistoryGrp"),
        // Session
        new(MessageTypes.Heartbeat, Context.Heartbeat),
        new(MessageTypes.TestRequest, Context.TestRequest),
        new(MessageTypes.Error, Context.ErrorMessage),
        new(MessageTypes.UserRequest, Context.UserRequest),
        new(MessageTypes.UserResponse, Context.UserResponse),
        new(MessageTypes.Signup, Context.Signup),
        new(MessageTypes.PasswordResetRequest, Context.PasswordResetRequest),
        new(MessageTypes.PasswordResetResponse, Context.PasswordResetResponse),
        new(MessageTypes.ProcessPasswordResetRequest, Context.ProcessPasswordResetRequest),
        new(MessageTypes.ProcessPasswordResetResponse, Context.ProcessPasswordResetResponse),
        new(MessageTypes.TwoFactorRequest, Context.TwoFactorRequest),
        new(MessageTypes.TwoFactorResponse, Context.TwoFactorResponse),
        // Account
        new(MessageTypes.BalanceRequest, Context.UserBalanceRequest),
        new(MessageTypes.BalanceResponse, Context.UserBalanceResponse),
        new(MessageTypes.PositionRequest, Context.PositionRequest),
        new(MessageTypes.PositionResponse, Context.PositionResponse),
        new(MessageTypes.LedgerListRequest, Context.LedgerListRequest),
        new(MessageTypes.LedgerListResponse, Context.LedgerListResponse, "LedgerListGrp"),
        new(MessageTypes.TradersRankRequest, Context.TradersRankRequest),
        new(MessageTypes.TradersRankResponse, Context.TradersRankResponse, "TradersRankGrp"),
        // Deposits
        new(MessageTypes.DepositRequest, Context.DepositRequest),
        new(MessageTypes.DepositResponse, Context.DepositResponse),
        new(MessageTypes.DepositRefresh, Context.DepositRefresh),
        new(MessageTypes.DepositMethodsRequest, Context.DepositMethodsRequest),
        new(MessageTypes.DepositMethodsResponse, Context.DepositMethodsResponse),
        new(MessageTypes.DepositMethodRequest, Context.DepositMethodRequest),
        new(MessageTypes.DepositMethodResponse, Context.DepositMethodResponse),
        new(MessageTypes.DepositListRequest, Context.DepositListRequest),
        new(MessageTypes.DepositListResponse, Context.DepositListResponse, "DepositListGrp"),
        // Withdrawals
        new(MessageTypes.WithdrawRequest, Context.WithdrawRequest),
        new(MessageTypes.WithdrawResponse, Context.WithdrawResponse),
        new(MessageTypes.WithdrawRefresh, Context.WithdrawRefresh),
        new(MessageTypes.WithdrawConfirmationRequest, Context.WithdrawConfirmationRequest),
        new(MessageTypes.WithdrawConfirmationResponse, Context.WithdrawConfirmationResponse),
        new(MessageTypes.WithdrawListRequest, Context.WithdrawListRequest),
        new(MessageTypes.WithdrawListResponse, Context.WithdrawListResponse, "WithdrawListGrp"),
        new(MessageTypes.CancelWithdrawalRequest, Context.CancelWithdrawalRequest),
        new(MessageTypes.CancelWithdrawalResponse, Context.CancelWithdrawalResponse),
        new(MessageTypes.WithdrawCommentRequest, Context.WithdrawCommentRequest),
        new(MessageTypes.WithdrawCommentResponse, Context.WithdrawCommentResponse),
        // Profile
        new(MessageTypes.UpdateProfileRequest, Context.UpdateProfileRequest),
        new(MessageTypes.UpdateProfileResponse, Context.UpdateProfileResponse),
        new(MessageTypes.ProfileRefresh, Context.ProfileRefresh),
        // Brokers
        new(MessageTypes.BrokerListRequest, Context.BrokerListRequest),
        new(MessageTypes.BrokerListResponse, Context.BrokerListResponse, "BrokerListGrp"),
        // ApiKeys
        new(MessageTypes.ApiKeyListRequest, Context.ApiKeyListRequest),
        new(MessageTypes.ApiKeyListResponse, Context.ApiKeyListResponse, "ApiKeyListGrp"),
        new(MessageTypes.ApiKeyCreateRequest, Context.ApiKeyCreateRequest),
        new(MessageTypes.ApiKeyCreateResponse, Context.ApiKeyCreateResponse),
        new(MessageTypes.ApiKeyRevokeRequest, Context.ApiKeyRevokeRequest),
        new(MessageTypes.ApiKeyRevokeResponse, Context.ApiKeyRevokeResponse),
    ];

    private static readonly FrozenDictionary<string, MessageDescriptor> ByMsgType =
        All.ToFrozenDictionary(d => d.MsgType, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, MessageDescriptor>.AlternateLookup<ReadOnlySpan<char>> ByMsgTypeSpan =
        ByMsgType.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<Type, MessageDescriptor> ByType = All.ToFrozenDictionary(d => d.Type);

    /// <summary>Every registered message.</summary>
    public static IReadOnlyCollection<MessageDescriptor> Descriptors => ByMsgType.Values;

    /// <summary>Finds the descriptor of a MsgType.</summary>
    public static bool TryGet(ReadOnlySpan<char> msgType, out MessageDescriptor descriptor)
        => ByMsgTypeSpan.TryGetValue(msgType, out descriptor!);

    /// <summary>Finds the descriptor of a record type.</summary>
    public static bool TryGet(Type type, out MessageDescriptor descriptor) => ByType.TryGetValue(type, out descriptor!);
}
