using System.Diagnostics.Metrics;
using BlinkTrade.Client.Internal.Telemetry;
using BlinkTrade.Client.Session;
using Microsoft.Extensions.DependencyInjection;

namespace BlinkTrade.Client.Tests.Diagnostics;

/// <summary>The pending-requests and connection-state gauges on a meter that several clients share (one
/// <see cref="IMeterFactory"/>) and that outlives them.</summary>
public sealed class ClientGaugesTests
{
    private const string Pending = "blinktrade.client.requests.pending";
    private const string State = "blinktrade.client.connection.state";

    [Fact]
    public void Clients_sharing_a_factory_meter_are_read_while_alive_and_forgotten_once_disposed()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var gone = new ClientMetrics(factory, () => ConnectionState.Reconnecting, () => 7);
        var goneToo = new ClientMetrics(factory, () => ConnectionState.Reconnecting, () => 7);
        using var alive = new ClientMetrics(factory, () => ConnectionState.LoggedIn, () => 2);
        using var other = new ClientMetrics(factory, () => ConnectionState.Connecting, () => 0);
        Assert.Same(alive.Meter, gone.Meter);
        gone.Dispose();
        goneToo.Dispose();

        var published = new List<string>();
        var pending = new List<int>();
        var current = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, alive.Meter) && instrument.Name is Pending or State)
            {
                published.Add(instrument.Name);
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            if (instrument.Name == Pending)
            {
                pending.Add(value);
            }
            else if (value == 1)
            {
                current.Add((string)tags[0].Value!);
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();

        // One instrument of each on the shared meter (not one per client ever created), reading the two live clients.
        Assert.Equal([State, Pending], published.Order(StringComparer.Ordinal));
        Assert.Equal([0, 2], pending.Order());
        Assert.Equal(["connecting", "logged_in"], current.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_client_with_a_meter_of_its_own_reads_its_state_until_disposed()
    {
        var state = ConnectionState.Connected;
        var metrics = new ClientMetrics(null, () => state, () => 1);
        var current = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter) && instrument.Name == State)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            if (value == 1)
            {
                current.Add((string)tags[0].Value!);
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        state = ConnectionState.LoggedIn;
        listener.RecordObservableInstruments();
        metrics.Dispose();
        listener.RecordObservableInstruments();

        Assert.Equal(["connected", "logged_in"], current);
    }
}
