using System.Diagnostics.Metrics;

namespace BlinkTrade.Client.Internal.Telemetry;

/// <summary>
/// The meter of one component (a client, an API-key client's options, an exchange): from the application's
/// <see cref="IMeterFactory"/> when there is one (the factory owns and disposes it), else a meter of the component's
/// own, disposed with it — so no meter is static and parallel tests each read their own. Shared by the three packages'
/// instruments.
/// </summary>
internal sealed class OwnedMeter : IDisposable
{
    private readonly bool _owned;

    /// <summary>Creates or obtains the meter <paramref name="name"/>, versioned as the packages are (one build).</summary>
    public OwnedMeter(IMeterFactory? factory, string name)
    {
        var options = new MeterOptions(name) { Version = typeof(OwnedMeter).Assembly.GetName().Version?.ToString() };
        _owned = factory is null;
        Meter = factory?.Create(options) ?? new Meter(options);
    }

    public Meter Meter { get; }

    /// <summary>Disposes the meter when it is the component's own.</summary>
    public void Dispose()
    {
        if (_owned)
        {
            Meter.Dispose();
        }
    }
}
