using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Hosting;

/// <summary>Routes the Kestrel host's logs to the exchange's <see cref="ILoggerFactory"/>.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory factory) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);

    public void Dispose()
    {
        // The factory belongs to the caller.
    }
}
