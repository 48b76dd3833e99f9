using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U6</c> WithdrawRequest: asks to withdraw funds (PROTOCOL.md §2.7).</summary>
public sealed record WithdrawRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawRequest;

    /// <summary>Correlation id (positive integer) echoed in the <see cref="WithdrawResponse"/>.</summary>
    public required long WithdrawReqID { get; init; }

    /// <summary>Currency.</summary>
    public required string Currency { get; init; }

    /// <summary>Amount (&gt; 0).</summary>
    public required Amount Amount { get; init; }

    /// <summary>Method; must exist in the broker's withdraw structure for the currency.</summary>
    public required string Method { get; init; }

    /// <summary>Method fields (<c>Wallet</c>, bank account…). Read from an object or a JSON-encoded string (§5 G36);
    /// always written as an object.</summary>
    [JsonConverter(typeof(EncodedJsonElementConverter))]
    public JsonElement? Data { get; init; }

    /// <summary>Client reference.</summary>
    public string? ClOrdID { get; init; }

    /// <summary>Broker.</summary>
    public int? BrokerID { get; init; }
}

/// <summary><c>U7</c> WithdrawResponse: the created withdrawal (engine-2015: only id and status).</summary>
public sealed record WithdrawResponse : WithdrawReport
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawResponse;

    /// <summary>The request's correlation id.</summary>
    public long WithdrawReqID { get; init; }
}

/// <summary><c>U9</c> WithdrawRefresh: unsolicited, a withdrawal was created, confirmed or processed.</summary>
public sealed record WithdrawRefresh : WithdrawReport
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawRefresh;
}

/// <summary><c>U24</c> WithdrawConfirmationRequest: confirms a withdrawal with the emailed token, or with the id and a
/// second-factor code.</summary>
public sealed record WithdrawConfirmationRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawConfirmationRequest;

    /// <summary>Correlation id echoed in the <see cref="WithdrawConfirmationResponse"/>.</summary>
    public required long WithdrawReqID { get; init; }

    /// <summary>The emailed confirmation token.</summary>
    public SecretString? ConfirmationToken { get; init; }

    /// <summary>The withdrawal (with <see cref="SecondFactor"/>).</summary>
    public long? WithdrawID { get; init; }

    /// <summary>The second-factor (TOTP) code.</summary>
    public SecretString? SecondFactor { get; init; }
}

/// <summary><c>U25</c> WithdrawConfirmationResponse: the withdrawal (status <c>"1"</c> when confirmed; unchanged, or
/// <c>"0"</c> for a bad token, when not).</summary>
public sealed record WithdrawConfirmationResponse : WithdrawReport
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawConfirmationResponse;

    /// <summary>The request's correlation id.</summary>
    public long WithdrawReqID { get; init; }
}

/// <summary><c>U26</c> WithdrawListRequest: one page of withdrawals.</summary>
public sealed record WithdrawListRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawListRequest;

    /// <summary>Correlation id echoed in the <see cref="WithdrawListResponse"/>.</summary>
    public required long WithdrawListReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }

    /// <summary>Statuses to list (at most 5; default pending and in progress).</summary>
    public IReadOnlyList<WithdrawStatus>? StatusList { get; init; }

    /// <summary>Search terms.</summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>The customer a broker asks about.</summary>
    public long? ClientID { get; init; }
}

/// <summary><c>U27</c> WithdrawListResponse: one page of withdrawals (column-oriented <c>WithdrawListGrp</c> on the wire).</summary>
public sealed record WithdrawListResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawListResponse;

    /// <summary>The request's correlation id.</summary>
    public long WithdrawListReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }

    /// <summary>The withdrawals.</summary>
    public IReadOnlyList<Withdrawal> WithdrawListGrp { get; init; } = [];
}

/// <summary><c>U70</c> CancelWithdrawalRequest: the user cancels a withdrawal.</summary>
public sealed record CancelWithdrawalRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.CancelWithdrawalRequest;

    /// <summary>Correlation id echoed in the <see cref="CancelWithdrawalResponse"/>.</summary>
    public required long WithdrawCancelReqID { get; init; }

    /// <summary>The withdrawal.</summary>
    public required long WithdrawID { get; init; }

    /// <summary>Client reference.</summary>
    public string? ClOrdID { get; init; }
}

/// <summary><c>U71</c> CancelWithdrawalResponse: the cancelled withdrawal.</summary>
public sealed record CancelWithdrawalResponse : WithdrawReport
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.CancelWithdrawalResponse;

    /// <summary>The request's correlation id.</summary>
    public long WithdrawCancelReqID { get; init; }
}

/// <summary><c>U78</c> WithdrawCommentRequest: adds a comment to a withdrawal.</summary>
public sealed record WithdrawCommentRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawCommentRequest;

    /// <summary>Correlation id echoed in the <see cref="WithdrawCommentResponse"/>.</summary>
    public required long WithdrawReqID { get; init; }

    /// <summary>The withdrawal.</summary>
    public required long WithdrawID { get; init; }

    /// <summary>The comment.</summary>
    public required string Message { get; init; }
}

/// <summary><c>U79</c> WithdrawCommentResponse: the comment was recorded.</summary>
public sealed record WithdrawCommentResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawCommentResponse;

    /// <summary>The request's correlation id.</summary>
    public long WithdrawReqID { get; init; }

    /// <summary>The withdrawal.</summary>
    public long? WithdrawID { get; init; }
}
