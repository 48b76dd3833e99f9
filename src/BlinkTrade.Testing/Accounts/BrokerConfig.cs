namespace BlinkTrade.Testing.Accounts;

/// <summary>A broker: its default fee rates and the account that collects the fees.</summary>
/// <param name="BrokerId">Broker id.</param>
/// <param name="FeeAccountUserId">User id (under this broker) of the account credited with trade, deposit and withdrawal fees.</param>
/// <param name="Fees">Default fee rates of the broker's users; <see langword="null"/> rates mean 0.</param>
internal sealed record BrokerConfig(int BrokerId, int FeeAccountUserId, FeeRates Fees);
