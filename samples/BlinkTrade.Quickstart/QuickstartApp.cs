using BlinkTrade.Client;
using BlinkTrade.Client.Transport;
using BlinkTrade.Quickstart.Demo;
using BlinkTrade.Quickstart.Embedded;
using BlinkTrade.Quickstart.State;
using BlinkTrade.Quickstart.View;
using Spectre.Console;

namespace BlinkTrade.Quickstart;

/// <summary>
/// The quickstart itself, in the order a new user would do it: get an exchange (the embedded one, or a server from
/// <c>--url</c>), create a <see cref="BlinkTradeClient"/>, subscribe to what you want to see, connect and log in,
/// request the balances, place and cancel an order — and watch it all arrive on the client's streams.
/// </summary>
internal static class QuickstartApp
{
    /// <summary>Runs until Ctrl+C or <see cref="QuickstartOptions.Duration"/>.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="cancellationToken">Cancelled by Ctrl+C / SIGTERM.</param>
    /// <returns>0 on a clean exit, 1 when the server could not be reached or refused the login.</returns>
    public static async Task<int> RunAsync(QuickstartOptions options, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Duration is { } duration)
        {
            stop.CancelAfter(duration);
        }
        // Pipes, files and CI get plain lines; a terminal gets the live dashboard.
        var plain = options.PlainText || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive;
        IMarketView view = plain
            ? new PlainTextView(Console.Out, Console.Error, TimeProvider.System)
            : new LiveView(AnsiConsole.Console, TimeProvider.System);
        try
        {
            await RunAsync(options, view, stop.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0; // stopped while still starting up
        }
        catch (BlinkTradeLoginException ex)
        {
            view.Fail($"Login refused: {ex.Message}");
            return 1;
        }
        catch (ConnectionClosedException ex)
        {
            view.Fail($"Could not connect to {options.Url}: {ex.Message}");
            return 1;
        }
    }

    private static async Task RunAsync(QuickstartOptions options, IMarketView view, CancellationToken cancellationToken)
    {
        var state = new MarketState(options.Symbol);

        // 1. An exchange to talk to. The embedded market is already moving when you connect, as a real one would be.
        EmbeddedExchange? embedded = null;
        if (options.IsEmbedded)
        {
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
            await WatchAsync(options, endpoint, brokerId, credentials, state, view, cancellationToken);
        }
        finally
        {
            // Also when the login failed: stop the traders before the exchange goes away.
            await simulationStop.CancelAsync();
            await simulation; // never faults
        }
    }

    private static async Task WatchAsync(QuickstartOptions options, Uri endpoint, int brokerId, BlinkTradeCredentials credentials,
        MarketState state, IMarketView view, CancellationToken cancellationToken)
    {
        // 2. The client: one logical session that reconnects, logs in again and resubscribes by itself.
        await using var client = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Endpoint = endpoint,
            BrokerId = brokerId,
            Credentials = credentials,
            RequestTimeout = TimeSpan.FromSeconds(10),
        });

        // 3. Subscribe before connecting: the subscriptions go on the wire as soon as the session is up.
        using var subscriptions = state.Attach(client);

        view.Info($"Connecting to {endpoint} as {Describe(credentials)}");
        await client.ConnectAsync(cancellationToken);
        await client.GetBalancesAsync(cancellationToken); // the first full snapshot; later changes arrive unsolicited

        // 4. Watch, then place and cancel an order. The view starts first: it hooks the report events before its first
        // await, so it cannot miss the demo order's first report. It gets its own token: on Ctrl+C or --duration it keeps
        // drawing until the demo order's cancel has been sent and reported, so the last frame (or line) shows how
        // everything ended.
        using var viewStop = new CancellationTokenSource();
        var viewing = view.RunAsync(state, viewStop.Token);
        var demo = options.PlacesDemoOrder ? new DemoOrder(client, state, TimeProvider.System).RunAsync(cancellationToken) : Task.CompletedTask;
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or --duration: wind down below.
        }
        await demo; // never faults
        await viewStop.CancelAsync();
        await viewing;
    }

    // API keys are long and half-secret: show only a prefix.
    private static string Describe(BlinkTradeCredentials credentials) =>
        credentials.IsApiKey ? $"API key {credentials.Username[..Math.Min(6, credentials.Username.Length)]}..." : credentials.Username;
}
