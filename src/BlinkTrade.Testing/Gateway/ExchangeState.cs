using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway;

/// <summary>
/// Everything the exchange knows. Only the exchange actor touches it (single writer), so none of it is locked.
/// </summary>
internal sealed partial class ExchangeState
{
    public ExchangeState(ExchangeRuntime runtime)
    {
        Runtime = runtime;
    }

    public ExchangeRuntime Runtime { get; }

    public UserDirectory Directory { get; } = new();

    public DateTimeOffset Now => Runtime.TimeProvider.GetUtcNow();
}
