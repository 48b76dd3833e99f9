using System.Collections.Concurrent;
using BlinkTrade.Client;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.NetworkSoak.Trading;

/// <summary>Everything alice's client tells her while she trades through the proxy (fills, reports, recoveries,
/// connection states, errors, balances) and bob's errors: what the audit compares with the exchange afterwards.</summary>
internal sealed class SessionRecorder
{
    private readonly SoakLog _log;
    private BalanceSnapshot? _lastBalances;
    private double _lastLostAtMs = -1;
    private int _connectionsLost;

    public SessionRecorder(SoakLog log, BlinkTradeClient alice, BlinkTradeClient bob)
    {
        _log = log;
        alice.Fills.Subscribe(Fills.Enqueue);
        alice.ExecutionReports.Subscribe(Reports.Enqueue);
        alice.Recoveries.Subscribe(r =>
        {
            Recoveries.Enqueue(r);
            Write($"alice RECOVERY downtime {r.Downtime.TotalSeconds:F2}s attempts {r.Attempts} orders {r.OrdersReconciled} synthesized {r.FillsSynthesized} complete {r.IsComplete}");
        });
        alice.ConnectionStates.Subscribe(s =>
        {
            States.Enqueue(s);
            if (s.State == ConnectionState.Reconnecting)
            {
                Volatile.Write(ref _lastLostAtMs, NowMs);
                Interlocked.Increment(ref _connectionsLost);
            }
            Write($"alice STATE {s.State}: {s.Reason}");
        });
        alice.Balances.Subscribe(b => Volatile.Write(ref _lastBalances, b));
        alice.Errors.Subscribe(e =>
        {
            Errors.Enqueue(("alice", e));
            if (e.Kind == ClientErrorKind.ConnectionLost)
            {
                LostTimesMs.Enqueue(NowMs);
            }
            Write($"alice ERROR {e.Kind}: {e.Message}");
        });
        bob.Errors.Subscribe(e =>
        {
            Errors.Enqueue(("bob", e));
            Write($"bob ERROR {e.Kind}: {e.Message}");
        });
        bob.ConnectionStates.Subscribe(s => Write($"bob STATE {s.State}: {s.Reason}"));
    }

    public ConcurrentQueue<Fill> Fills { get; } = new();

    public ConcurrentQueue<ExecutionReport> Reports { get; } = new();

    public ConcurrentQueue<SessionRecovery> Recoveries { get; } = new();

    public ConcurrentQueue<ConnectionStateChange> States { get; } = new();

    public ConcurrentQueue<(string Who, BlinkTradeClientError Error)> Errors { get; } = new();

    /// <summary>When alice's client reported each lost connection (ms on the log's clock).</summary>
    public ConcurrentQueue<double> LostTimesMs { get; } = new();

    /// <summary>The latest balances alice's stream delivered (the audit compares them with a fresh read).</summary>
    public BalanceSnapshot? LastBalances => Volatile.Read(ref _lastBalances);

    /// <summary>When alice's client last went to Reconnecting (ms on the log's clock), -1 before the first time.</summary>
    public double LastLostAtMs => Volatile.Read(ref _lastLostAtMs);

    /// <summary>How many times alice's client went to Reconnecting: a change tells the book sampler her connection
    /// was replaced.</summary>
    public int ConnectionsLost => Volatile.Read(ref _connectionsLost);

    private double NowMs => _log.Elapsed.TotalMilliseconds;

    private void Write(string text) => _log.Write(text, echo: false);
}
