using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// <c>scale-server --users N</c>: the exchange half of <see cref="ScaleCommand"/>, run as a child process so that each
/// side's heap is measured on its own. Starts the reference exchange on a loopback Kestrel WebSocket port with one
/// instrument (BTCUSD), a broker, <c>N</c> subscriber users (<c>s0</c>…), a funded <c>maker</c> and a funded
/// <c>placer</c>; prints <c>ready &lt;uri&gt;</c>, then answers each <c>mem</c> line on stdin with the heap after a full,
/// compacting collection (<see cref="ChildProcess"/>) until stdin ends or says <c>quit</c>.
/// </summary>
public static class ScaleServerCommand
{
    /// <summary>The password of every user of the scale run (loopback only, a benchmark's throwaway accounts).</summary>
    internal const string Password = "scale-pw-1";

    /// <summary>Runs the command.</summary>
    public static int Run(string[] args) => RunAsync(BenchOptions.Int(args, "--users", 1_000)).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(int users)
    {
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions
        {
            PasswordHashIterations = 1,
            MaxMessagesPerSecond = 0,
            EnableWebSocketServer = true,
            IdleTimeout = TimeSpan.FromHours(1),
            LoginTimeout = TimeSpan.FromMinutes(10),
        });
        await exchange.CreateBrokerAsync(5, "exchange");
        await exchange.CreateInstrumentAsync("BTCUSD", "BTC", "USD");
        for (var i = 0; i < users; i++)
        {
            await exchange.CreateUserAsync("s" + i.ToString(CultureInfo.InvariantCulture), Password, 5);
        }
        foreach (var name in new[] { "maker", "placer" })
        {
            var id = await exchange.CreateUserAsync(name, Password, 5);
            await exchange.CreditAsync(id, "USD", new Amount(1_000_000_000_00000000));
            await exchange.CreditAsync(id, "BTC", new Amount(1_000_000_00000000));
        }
        // The exchange actor's time per work item: for a book update, what the order's own reply waits for.
        var actorSeconds = new ConcurrentQueue<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "blinktrade.exchange.command.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => actorSeconds.Enqueue(seconds));
        listener.Start();
        Console.WriteLine("ready " + exchange.WebSocketUri);
        await ChildProcess.ServeAsync(request => Task.FromResult(request switch
        {
            "mem" => ScaleCommand.SettledHeapBytes().ToString(CultureInfo.InvariantCulture),
            // The actor's work items since the last ask, in Stopwatch ticks, space-separated.
            "actor" => string.Join(' ', Drain(actorSeconds).Select(s => ((long)(s * Stopwatch.Frequency)).ToString(CultureInfo.InvariantCulture))),
            _ => "?",
        }));
        return 0;
    }

    private static List<double> Drain(ConcurrentQueue<double> queue)
    {
        var items = new List<double>();
        while (queue.TryDequeue(out var item))
        {
            items.Add(item);
        }
        return items;
    }
}
