using System.Diagnostics;
using System.Globalization;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// <c>scale-placer --uri U</c>: the order placer of <see cref="ScaleCommand"/>, in a process of its own. Logs in as
/// <c>placer</c>; each <c>place</c> line sends a limit bid at 995 inside the 10×10 book and each <c>cancel</c> line
/// cancels it, answering <c>&lt;t0&gt; &lt;ticks&gt;</c>: the Stopwatch timestamp just before the request (the
/// monotonic clock every process on the machine shares) and the ticks until its confirmation.
/// </summary>
public static class ScalePlacerCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string[] args) => RunAsync(new Uri(BenchOptions.String(args, "--uri") ?? throw new ArgumentException("--uri is required"))).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(Uri uri)
    {
        await using var placer = ScaleCommand.Client(uri, "placer");
        await placer.ConnectAsync();
        var order = NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.01m), Price.FromDecimal(995m));
        string? open = null;
        Console.WriteLine("ready placer");
        await ChildProcess.ServeAsync(async request =>
        {
            var t0 = Stopwatch.GetTimestamp();
            var report = request == "place" ? await placer.SendOrderAsync(order) : await placer.CancelOrderAsync(open!);
            var ticks = Stopwatch.GetTimestamp() - t0;
            if (report.OrdStatus != (request == "place" ? OrdStatus.New : OrdStatus.Cancelled))
            {
                throw new InvalidOperationException($"unexpected report {report.OrdStatus} {report.Text}");
            }
            open = report.ClOrdID;
            return string.Create(CultureInfo.InvariantCulture, $"{t0} {ticks}");
        });
        return 0;
    }
}
