namespace BlinkTrade.Testing.Users;

/// <summary>A tradable instrument as listed in y (the engine holds its book).</summary>
internal sealed record InstrumentDefinition(string Symbol, string BaseCurrency, string QuoteCurrency, long TickSize, long MinQty, string Description);
