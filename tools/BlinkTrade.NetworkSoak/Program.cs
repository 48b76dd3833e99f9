using System.CommandLine;
using System.Globalization;
using BlinkTrade.NetworkSoak;

// The network soak: `dotnet run -c Release --project tools/BlinkTrade.NetworkSoak -- --minutes 5 --seed 4`.
// The reference exchange, a chaos TCP proxy and two clients in this one process over loopback sockets; alice trades
// through the proxy, bob directly; afterwards a clean session reads the exchange's truth and every promise is checked.
// Exit codes (SoakExitCodes): 0 every check held, 1 a check failed, 2 invalid arguments, 3 the run could not finish.
var minutesOption = new Option<double>("--minutes")
{
    Description = "How long alice and bob trade while faults are injected (fractions allowed, e.g. 0.5).",
    DefaultValueFactory = _ => 5,
};
var seedOption = new Option<int>("--seed")
{
    Description = "Seeds the fault schedule and both traders' choices: the same seed gives the same schedule (what a fault hits still depends on timing).",
    DefaultValueFactory = _ => 1,
};
var timeoutOption = new Option<double>("--timeout")
{
    Description = "The clients' RequestTimeout in seconds; no request may take longer (+250 ms).",
    DefaultValueFactory = _ => 10,
};
var clientDefaultsOption = new Option<bool>("--client-defaults")
{
    Description = "Use the client's shipped heartbeat, timeout and reconnect options instead of the short heartbeats (5 s, 3 s, 2 missed) that notice a black hole in seconds.",
};
var faultOptions = new FaultCommandLine(FaultWeights.Default, "rst, hole_drop, hole_freeze, delay, frag, refuse", new FaultInjectorOptions(MinGap: 4, MaxGap: 15, MinHole: 2, MaxHole: 25));
var outOption = new Option<DirectoryInfo?>("--out")
{
    Description = "Where soak.log, fills.tsv and timings.tsv go (default: <temp>/blinktrade-network-soak/seed-<seed>).",
};

var root = new RootCommand("Trades through a faulty network for a few minutes, then checks every fill, order and balance against the reference exchange.");
foreach (var option in new Option[] { minutesOption, seedOption, timeoutOption, clientDefaultsOption, outOption }.Concat(faultOptions.Options))
{
    root.Options.Add(option);
}
root.SetAction(async (parseResult, cancellationToken) =>
{
    var minutes = parseResult.GetValue(minutesOption);
    var timeout = parseResult.GetValue(timeoutOption);
    var faultProblem = faultOptions.Read(parseResult, out var weights, out var faults);
    string? problem = minutes <= 0 ? "--minutes must be above 0"
        : timeout <= 0 ? "--timeout must be above 0"
        : faultProblem;
    if (problem is not null)
    {
        await Console.Error.WriteLineAsync(problem);
        return SoakExitCodes.InvalidArguments;
    }
    var seed = parseResult.GetValue(seedOption);
    var output = parseResult.GetValue(outOption)?.FullName
        ?? Path.Combine(Path.GetTempPath(), "blinktrade-network-soak", "seed-" + seed.ToString(CultureInfo.InvariantCulture));
    Directory.CreateDirectory(output);
    var settings = new SoakSettings(TimeSpan.FromMinutes(minutes), seed, TimeSpan.FromSeconds(timeout), parseResult.GetValue(clientDefaultsOption), weights, faults, output);
    using var log = new SoakLog(Path.Combine(output, "soak.log"));
    try
    {
        return await new SoakRun(settings, log).RunAsync();
    }
    catch (Exception e)
    {
        // The exchange or a client did not start, or the audit's session failed: nothing could be checked.
        log.Write($"FAIL: the run could not finish: {e}");
        return SoakExitCodes.RunFailed;
    }
});
var parsed = root.Parse(args);
var exitCode = await parsed.InvokeAsync();
// System.CommandLine reports parse errors with 1, which here means a failed check.
return parsed.Errors.Count > 0 ? SoakExitCodes.InvalidArguments : exitCode;
