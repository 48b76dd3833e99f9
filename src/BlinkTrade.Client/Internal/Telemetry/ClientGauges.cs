using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using BlinkTrade.Client.Session;

namespace BlinkTrade.Client.Internal.Telemetry;

/// <summary>
/// The client's observable instruments (<c>blinktrade.client.requests.pending</c>,
/// <c>blinktrade.client.connection.state</c>), created once per <see cref="Meter"/> and reading the clients currently
/// registered on it.
/// </summary>
/// <remarks>
/// Why not an observable instrument per client: a meter from an <see cref="IMeterFactory"/> is shared by every client
/// given that factory and outlives them, and a meter cannot drop one instrument. Each disposed client would leave its
/// callbacks on it — holding the whole client alive and still reporting its last state. Here a client's
/// <see cref="ClientMetrics.Dispose"/> unregisters it; a client with a meter of its own reads exactly as before (one
/// registered client).
/// </remarks>
internal sealed class ClientGauges
{
    private static readonly ConditionalWeakTable<Meter, ClientGauges> ByMeter = new();

    private static readonly ConnectionState[] States =
        [ConnectionState.Disconnected, ConnectionState.Connecting, ConnectionState.Connected, ConnectionState.LoggedIn, ConnectionState.Reconnecting];

    private readonly Lock _gate = new();
    private readonly List<Source> _sources = [];

    private ClientGauges(Meter meter)
    {
        meter.CreateObservableUpDownCounter("blinktrade.client.requests.pending", PendingMeasurements, "{request}", "Requests sent and waiting for their answer.");
        meter.CreateObservableGauge("blinktrade.client.connection.state", StateMeasurements, "{state}",
            "1 for the connection's current state and 0 for the others, tagged blinktrade.connection.state.");
    }

    /// <summary>Registers a client's readings on <paramref name="meter"/>'s instruments until the returned handle is disposed.</summary>
    public static IDisposable Register(Meter meter, Func<ConnectionState> state, Func<int> pendingRequests)
    {
        var gauges = ByMeter.GetValue(meter, m => new ClientGauges(m));
        var source = new Source(gauges, state, pendingRequests);
        lock (gauges._gate)
        {
            gauges._sources.Add(source);
        }
        return source;
    }

    private Source[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _sources];
        }
    }

    private IEnumerable<Measurement<int>> PendingMeasurements()
    {
        foreach (var source in Snapshot())
        {
            yield return new Measurement<int>(source.PendingRequests());
        }
    }

    private IEnumerable<Measurement<int>> StateMeasurements()
    {
        foreach (var source in Snapshot())
        {
            var current = source.State();
            foreach (var state in States)
            {
                yield return new Measurement<int>(state == current ? 1 : 0, new KeyValuePair<string, object?>(ClientMetrics.StateTag, StateName(state)));
            }
        }
    }

    private static string StateName(ConnectionState state) => state switch
    {
        ConnectionState.Disconnected => "disconnected",
        ConnectionState.Connecting => "connecting",
        ConnectionState.Connected => "connected",
        ConnectionState.LoggedIn => "logged_in",
        ConnectionState.Reconnecting => "reconnecting",
        _ => state.ToString().ToLowerInvariant(),
    };

    private sealed class Source(ClientGauges gauges, Func<ConnectionState> state, Func<int> pendingRequests) : IDisposable
    {
        public Func<ConnectionState> State { get; } = state;

        public Func<int> PendingRequests { get; } = pendingRequests;

        public void Dispose()
        {
            lock (gauges._gate)
            {
                gauges._sources.Remove(this);
            }
        }
    }
}
