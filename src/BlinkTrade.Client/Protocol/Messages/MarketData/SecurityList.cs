using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>x</c> SecurityListRequest: lists instruments and currencies (PROTOCOL.md §2.4). Answered by <see cref="SecurityList"/>.</summary>
public sealed record SecurityListRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.SecurityListRequest;

    /// <summary>Correlation id.</summary>
    public long SecurityReqID { get; init; }

    /// <summary>Request type 0–4 (clients send 0).</summary>
    public int SecurityListRequestType { get; init; }

    /// <summary>Market, e.g. <c>BLINK</c> or <c>ALL</c>.</summary>
    public string? Market { get; init; }

    /// <summary>Sent by some clients (0).</summary>
    public int? SecurityRequestResult { get; init; }
}

/// <summary><c>y</c> SecurityList: instruments and currencies.</summary>
public sealed record SecurityList : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.SecurityList;

    /// <summary>The request's correlation id.</summary>
    public long SecurityReqID { get; init; }

    /// <summary>Response id.</summary>
    public string? SecurityResponseID { get; init; }

    /// <summary>0 ok, 2 none.</summary>
    public int? SecurityRequestResult { get; init; }

    /// <summary>Number of instruments.</summary>
    public int? TotalNumSecurities { get; init; }

    /// <summary>Number of instruments in this message.</summary>
    public int? NoRelatedSym { get; init; }

    /// <summary>The instruments.</summary>
    public IReadOnlyList<SecurityInstrument>? Instruments { get; init; }

    /// <summary>Number of currencies.</summary>
    public int? TotalNumCurrencies { get; init; }

    /// <summary>Number of currencies in this message.</summary>
    public int? NoRelatedCurr { get; init; }

    /// <summary>The currencies.</summary>
    public IReadOnlyList<SecurityCurrency>? Currencies { get; init; }
}

/// <summary>An instrument of <see cref="SecurityList"/>.</summary>
public sealed record SecurityInstrument
{
    /// <summary>Symbol, e.g. <c>BTCUSD</c>.</summary>
    public string? Symbol { get; init; }

    /// <summary>Quote currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Description, e.g. <c>BTC / USD</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Fields this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A currency of <see cref="SecurityList"/>.</summary>
public sealed record SecurityCurrency
{
    /// <summary>Code, e.g. <c>BTC</c>.</summary>
    public string? Code { get; init; }

    /// <summary>Sign, e.g. <c>$</c>.</summary>
    public string? Sign { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Whether it is a crypto currency.</summary>
    public bool? IsCrypto { get; init; }

    /// <summary>Price granularity in 1e8-scaled units: prices are floored to a multiple of it.</summary>
    public long? Pip { get; init; }

    /// <summary>Display decimals.</summary>
    public int? NumberOfDecimals { get; init; }

    /// <summary>Python format string.</summary>
    public string? FormatPython { get; init; }

    /// <summary>JavaScript format pattern.</summary>
    public string? FormatJS { get; init; }

    /// <summary>Python human format string.</summary>
    public string? HumanFormatPython { get; init; }

    /// <summary>JavaScript human format pattern.</summary>
    public string? HumanFormatJS { get; init; }

    /// <summary>Fields this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
