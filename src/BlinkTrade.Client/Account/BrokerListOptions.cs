namespace BlinkTrade.Client.Account;

/// <summary>Which brokers <see cref="IBlinkTradeClient.GetBrokersAsync(BrokerListOptions, CancellationToken)"/> lists (<c>U28</c>).</summary>
public sealed record BrokerListOptions
{
    /// <summary>Only brokers of this country (<c>Country</c>); every country when <see langword="null"/>.</summary>
    public string? Country { get; init; }

    /// <summary>Only brokers in these statuses (<c>StatusList</c>, e.g. <c>"1"</c> = active); the server's default
    /// (<c>["1"]</c>) when <see langword="null"/>.</summary>
    public IReadOnlyList<string>? Statuses { get; init; }
}
