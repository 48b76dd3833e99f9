namespace BlinkTrade.Testing.Users;

/// <summary>A currency of the security list (y Currencies row, PROTOCOL.md §2.4).</summary>
internal sealed record CurrencyDefinition(string Code, string Sign, string Description, bool IsCrypto, long Pip);
