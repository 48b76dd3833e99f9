namespace BlinkTrade.Testing.Users;

/// <summary>A broker's withdrawal method for one currency (WithdrawStructure entry, PROTOCOL.md §2.9).</summary>
internal sealed record WithdrawMethod(string Method, string Description, decimal PercentFee, long FixedFee);
