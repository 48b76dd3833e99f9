namespace BlinkTrade.Client.Protocol;

/// <summary><c>y</c> SecurityList: instruments and currencies.</summary>
[MessageType(MessageTypes.SecurityList)]
public sealed partial record SecurityList : BlinkTradeMessage
{
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
