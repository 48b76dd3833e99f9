namespace BlinkTrade.Testing.Users;

/// <summary>A broker's fiat deposit method (U21 row).</summary>
internal sealed record DepositMethod(int DepositMethodId, string Description, string Type, string Currency, decimal PercentFee, long FixedFee);
