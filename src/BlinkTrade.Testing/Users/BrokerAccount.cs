namespace BlinkTrade.Testing.Users;

/// <summary>A broker: its id, name, fees and the currencies it serves. The broker also has its own user (same id).</summary>
internal sealed class BrokerAccount
{
    public required int BrokerId { get; init; }

    public required string Name { get; init; }

    public int MakerFeeBps { get; init; }

    public int TakerFeeBps { get; init; }

    public string Country { get; init; } = "US";

    public List<string> Currencies { get; } = [];

    /// <summary>Withdrawal methods per currency (name → percent fee, fixed fee).</summary>
    public Dictionary<string, List<WithdrawMethod>> WithdrawMethods { get; } = new(StringComparer.Ordinal);

    /// <summary>Fiat deposit methods.</summary>
    public List<DepositMethod> DepositMethods { get; } = [];
}
