using BlinkTrade.Client;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Transport;
using BlinkTrade.Quickstart.Demo;
using BlinkTrade.Quickstart.Embedded;
using BlinkTrade.Quickstart.State;
using BlinkTrade.Quickstart.View;
using BlinkTrade.Samples;
using BlinkTrade.Testing.Tapes;
using Spectre.Console;

namespace BlinkTrade.Quickstart;

/// <summary>
/// The quickstart itself, in the order a new user would do it: get an exchange (the embedded one, or a server from
/// <c>--url</c>), create a <see cref="BlinkTradeClient"/>, subscribe to what you want to see, connect and log in,
/// request the balances, place and cancel an order — and watch it all arrive on the client's streams.
/// </summary>
internal static class QuickstartApp
{
    /// <summary>Runs until Ctrl+C / SIGTERM, or until <see cref="QuickstartOptions.Duration"/> has passed since start-up
    /// finished (start-up time on a busy machine does not eat into it).</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="cancellationToken">Cancelled by Ctrl+C / SIGTERM.</param>
    /// <returns>An <see cref="ExitCodes"/> value: <see cref="ExitCodes.Success"/> when it ran and stopped as asked,
    /// <see cref="ExitCodes.Failure"/> when the server could not be reached, refused the login, or the run was stopped
    /// before start-up finished.</returns>
    public static async Task<int> RunAsync(QuickstartOptions options, CancellationToken cancellationToken)
    {
        // Pipes, files and CI get plain lines; a terminal gets the live dashboard.
        var plain = options.PlainText || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive;
        IMarketView view = plain
            ? new PlainTextView(Console.Out, Console.Error, TimeProvider.System)
            : new LiveView(AnsiConsole.Console, TimeProvider.System);
        var startUp = new StartUpProgress();
        try
        {
            await RunAsync(options, view, startUp, cancellationToken);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM before the market was on screen: say so instead of ending silently.
            view.Fail($"Stopped before start-up finished (while {startUp.Step}).");
            return ExitCodes.Failure;
        }
        catch (BlinkTradeTimeoutException ex)
        {
            // During start-up (the login, the balances, the embedded traders' logins): no answer in time.
            view.Fail($"Start-up failed while {startUp.Step}: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (BlinkTradeLoginException ex)
        {
            view.Fail($"Login refused: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (ConnectionClosedException ex)
        {
            view.Fail(DescribeConnectionFailure(startUp.Endpoint ?? options.Url, ex));
            return ExitCodes.Failure;
        }
    }

    private static async Task RunAsync(QuickstartOptions options, IMarketView view, StartUpProgress startUp, CancellationToken cancellationToken)
    {
        var state = new MarketState(options.Symbol);

        // 1. An exchange to talk to. The embedded market is already moving when you connect, as a real one would be.
        EmbeddedExchange? embedded = null;
        if (options.IsEmbedded)
        {
            startUp.Step = "starting the embedded exchange";
            view.Info("Starting the embedded reference exchange and its simulated traders...");
            embedded = await EmbeddedExchange.StartAsync(options.Symbol, options.Seed, problem => state.OnError($"simulation: {problem}"), cancellationToken);
        }
        await using var _ = embedded;
        using var simulationStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var simulation = embedded?.Simulator.RunAsync(simulationStop.Token) ?? Task.CompletedTask;
        try
        {
            var endpoint = embedded?.WebSocketUri ?? options.Url!;
            var credentials = embedded?.Credentials ?? (options.UseApiKey
                ? BlinkTradeCredentials.FromApiKey(options.User!, options.Password)
                : BlinkTradeCredentials.FromPassword(options.User!, options.Password));
            var brokerId = embedded is null ? options.BrokerId : EmbeddedExchange.BrokerId;
            startUp.Endpoint = endpoint;
            await WatchAsync(options, endpoint, brokerId, credentials, state, view, startUp, cancellationToken);
        }
        finally
        {
            // Also when the login failed: stop the traders before the exchange goes away.
            await simulationStop.CancelAsync();
            await simulation; // never faults
        }
    }

    private static async Task WatchAsync(QuickstartOptions options, Uri endpoint, int brokerId, BlinkTradeCredentials credentials,
        MarketState state, IMarketView view, StartUpProgress startUp, CancellationToken cancellationToken)
    {
        // 2. The client: one logical session that reconnects, logs in again and resubscribes by itself.
        // --record: the same WebSocket transport, every frame taped (credentials as ***).
        await using var tape = options.RecordPath is { } recordPath ? TapeRecorder.CreateFile(recordPath) : null;
        await using var client = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Transport = tape?.Wrap(new WebSocketTransport()),
            Endpoint = endpoint,
            BrokerId = brokerId,
            Credentials = credentials,
        });

        // 3. Subscribe before connecting: the subscriptions go on the wire as soon as the session is up.
        using var subscriptions = state.Attach(client);

        startUp.Step = $"connecting to {endpoint}";
        view.Info($"Connecting to {endpoint} as {Describe(credentials)}");
        await client.ConnectAsync(cancellationToken);
        startUp.Step = "requesting the balances";
        await client.GetBalancesAsync(cancellationToken); // the first full snapshot; later changes arrive unsolicited

        // 4. Ready: --duration counts from here. Watch, then place and cancel an order. The view starts first: it hooks
        // the report events before its first await, so it cannot miss the demo order's first report. It gets its own
        // token: on Ctrl+C or --duration it keeps drawing until the demo order's cancel has been sent and reported, so the
        // last frame (or line) shows how everything ended.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Duration is { } duration)
        {
            stop.CancelAfter(duration);
        }
        var ready = TimeProvider.System.GetTimestamp();
        view.Info(options.Duration is { } d
            ? $"Ready: showing {options.Symbol} for {d.TotalSeconds:0.###} s."
            : $"Ready: showing {options.Symbol} until Ctrl+C.");
        using var viewStop = new CancellationTokenSource();
        var viewing = view.RunAsync(state, viewStop.Token);
        var demo = options.PlacesDemoOrder ? new DemoOrder(client, state, TimeProvider.System).RunAsync(stop.Token) : Task.CompletedTask;
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C, SIGTERM or --duration: wind down below.
        }
        await demo; // never faults
        await viewStop.CancelAsync();
        await viewing;
        var ran = TimeProvider.System.GetElapsedTime(ready);
        view.Info(cancellationToken.IsCancellationRequested
            ? $"Stopped after {ran.TotalSeconds:0.0} s (Ctrl+C or SIGTERM)."
            : $"Stopped after {ran.TotalSeconds:0.0} s (--duration).");
    }

    // Said once: the transport's own messages may already name the endpoint ("Connecting to … timed out"); otherwise the
    // innermost cause (e.g. "Connection refused") is the part worth adding to ours.
    private static string DescribeConnectionFailure(Uri? endpoint, ConnectionClosedException exception)
    {
        var cause = exception.GetBaseException().Message;
        return endpoint is not null && !cause.Contains(endpoint.ToString(), StringComparison.Ordinal)
            ? $"Could not connect to {endpoint}: {cause}"
            : cause;
    }

    // API keys are long and half-secret: show only a prefix.
    private static string Describe(BlinkTradeCredentials credentials) =>
        credentials.IsApiKey ? $"API key {credentials.Username[..Math.Min(6, credentials.Username.Length)]}..." : credentials.Username;
}
