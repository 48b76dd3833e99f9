namespace BlinkTrade.Client.Protocol;

/// <summary>A currency of <see cref="SecurityList"/>.</summary>
public sealed record SecurityCurrency : ProtocolRecord
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
}
