using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>U18</c> DepositRequest (PROTOCOL.md §2.5): <c>Currency</c> only → new crypto deposit address;
/// <c>DepositMethodID</c> + <c>Value</c> → new fiat deposit; <c>DepositID</c> → look up (or act on it with <c>Action</c>).
/// </summary>
public sealed record DepositRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositRequest;

    /// <summary>Correlation id echoed in the <see cref="DepositResponse"/>.</summary>
    public required long DepositReqID { get; init; }

    /// <summary>Fiat deposit method.</summary>
    public int? DepositMethodID { get; init; }

    /// <summary>An existing deposit to look up or act on.</summary>
    public string? DepositID { get; init; }

    /// <summary>Currency of a new crypto deposit.</summary>
    public string? Currency { get; init; }

    /// <summary>Declared value (fiat deposits, or the amount of an instant credit).</summary>
    public Amount? Value { get; init; }

    /// <summary>Client reference.</summary>
    public string? ClOrdID { get; init; }

    /// <summary>Messages to run when the deposit completes (e.g. an automatic buy order).</summary>
    public IReadOnlyList<JsonElement>? Instructions { get; init; }

    /// <summary>Broker.</summary>
    public int? BrokerID { get; init; }

    /// <summary>Action on an existing deposit (2016+): <c>CREDIT</c>, <c>CANCEL</c>, <c>PROGRESS</c>, <c>COMPLETE</c>.</summary>
    public string? Action { get; init; }
}

/// <summary><c>U19</c> DepositResponse: the deposit created or looked up (<c>DepositID</c> -1 when not found).</summary>
public sealed record DepositResponse : DepositReport
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositResponse;

    /// <summary>The request's correlation id (absent in the not-found answer).</summary>
    public long? DepositReqID { get; init; }
}

/// <summary><c>U23</c> DepositRefresh: unsolicited, a deposit was created or changed (to the account and its broker).</summary>
public sealed record DepositRefresh : DepositReport
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositRefresh;

    /// <summary>The id of the request that created the deposit, when the server includes it.</summary>
    public long? DepositReqID { get; init; }
}

/// <summary><c>U20</c> DepositMethodsRequest: a broker's deposit methods (public; send <c>BrokerID</c> when not logged in).</summary>
public sealed record DepositMethodsRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositMethodsRequest;

    /// <summary>Correlation id echoed in the <see cref="DepositMethodsResponse"/>.</summary>
    public required long DepositMethodReqID { get; init; }

    /// <summary>Broker.</summary>
    public int? BrokerID { get; init; }
}

/// <summary><c>U21</c> DepositMethodsResponse: the methods (a plain array of objects, not column-oriented).</summary>
public sealed record DepositMethodsResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositMethodsResponse;

    /// <summary>The request's correlation id.</summary>
    public long DepositMethodReqID { get; init; }

    /// <summary>The methods.</summary>
    public IReadOnlyList<DepositMethod> DepositMethodGrp { get; init; } = [];
}

/// <summary>One deposit method of a broker (<see cref="DepositMethodsResponse"/>).</summary>
public sealed record DepositMethod
{
    /// <summary>Method id.</summary>
    public int? DepositMethodID { get; init; }

    /// <summary>Display name.</summary>
    public string? Description { get; init; }

    /// <summary>Disclaimer shown to users (e.g. processing time).</summary>
    public string? Disclaimer { get; init; }

    /// <summary>Method type, e.g. <c>DTP</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Limits by verification level (keys <c>"0"</c>…<c>"7"</c>, see <see cref="VerificationLevel"/>).</summary>
    public IReadOnlyDictionary<string, DepositLimit>? DepositLimits { get; init; }

    /// <summary>Currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Percent fee (plain percent).</summary>
    public decimal? PercentFee { get; init; }

    /// <summary>Fixed fee.</summary>
    public Amount? FixedFee { get; init; }

    /// <summary>Where users upload receipts.</summary>
    public string? UserReceiptURL { get; init; }

    /// <summary>Fields this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A deposit method's limits for one verification level (wire keys are lower-case).</summary>
public sealed record DepositLimit
{
    /// <summary>Whether the level may use the method.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>Minimum value.</summary>
    [JsonPropertyName("min")]
    public Amount? Min { get; init; }

    /// <summary>Maximum value.</summary>
    [JsonPropertyName("max")]
    public Amount? Max { get; init; }

    /// <summary>Fields this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary><c>U48</c> DepositMethodRequest: one method's details.</summary>
public sealed record DepositMethodRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositMethodRequest;

    /// <summary>Correlation id echoed in the <see cref="DepositMethodResponse"/>.</summary>
    public required long DepositMethodReqID { get; init; }

    /// <summary>The method.</summary>
    public required int DepositMethodID { get; init; }
}

/// <summary><c>U49</c> DepositMethodResponse: one method's details (<c>DepositMethodID</c> -1 when unknown).</summary>
public sealed record DepositMethodResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositMethodResponse;

    /// <summary>The request's correlation id.</summary>
    public long DepositMethodReqID { get; init; }

    /// <summary>Method id; -1 when not found.</summary>
    public int? DepositMethodID { get; init; }

    /// <summary>Display name.</summary>
    public string? Description { get; init; }

    /// <summary>Disclaimer.</summary>
    public string? Disclaimer { get; init; }

    /// <summary>Method type.</summary>
    public string? Type { get; init; }

    /// <summary>Limits by verification level (keys <c>"0"</c>…<c>"7"</c>, see <see cref="VerificationLevel"/>).</summary>
    public IReadOnlyDictionary<string, DepositLimit>? DepositLimits { get; init; }

    /// <summary>Currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Percent fee (plain percent).</summary>
    public decimal? PercentFee { get; init; }

    /// <summary>Fixed fee.</summary>
    public Amount? FixedFee { get; init; }

    /// <summary>Where users upload receipts.</summary>
    public string? UserReceiptURL { get; init; }

    /// <summary>HTML template of the deposit slip.</summary>
    public string? HtmlTemplate { get; init; }

    /// <summary>Method parameters (open-ended).</summary>
    public JsonElement? Parameters { get; init; }

    /// <summary>Whether this is the "not found" answer.</summary>
    [JsonIgnore]
    public bool IsNotFound => DepositMethodID == -1;
}

/// <summary><c>U30</c> DepositListRequest: one page of deposits.</summary>
public sealed record DepositListRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositListRequest;

    /// <summary>Correlation id echoed in the <see cref="DepositListResponse"/>.</summary>
    public required long DepositListReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }

    /// <summary>Statuses to list (at most 5).</summary>
    public IReadOnlyList<DepositStatus>? StatusList { get; init; }

    /// <summary>Search terms.</summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>The customer a broker asks about.</summary>
    public long? ClientID { get; init; }
}

/// <summary><c>U31</c> DepositListResponse: one page of deposits (column-oriented <c>DepositListGrp</c> on the wire).</summary>
public sealed record DepositListResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositListResponse;

    /// <summary>The request's correlation id.</summary>
    public long DepositListReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }

    /// <summary>The deposits.</summary>
    public IReadOnlyList<Deposit> DepositListGrp { get; init; } = [];
}
