using System.CommandLine;
using System.Globalization;
using BlinkTrade.RestSoak;

// The REST soak: `dotnet run -c Release --project tools/BlinkTrade.RestSoak -- --minutes 3 --seed 1`.
// The reference exchange on Kestrel, a chaos TCP proxy and a REST bot in this one process over loopback sockets; the
// bot trades and manages keys through the proxy, bob fills its orders directly; afterwards clean direct connections
// read the exchange's state and every promise is checked.
// Exit codes (RestSoakExitCodes): 0 every check held, 1 a check failed, 2 invalid arguments, 3 the run could not finish.
var minutesOption = new Option<double>("--minutes") { Description = "How long the bot works while faults are injected (fractions allowed).", DefaultValueFactory = _ => 3 };
var seedOption = new Option<int>("--seed")
{
    Description = "Seeds the fault schedule and the bot's choices: the same seed gives the same schedule (what a fault hits still depends on timing).",
    DefaultValueFactory = _ => 1,
};
var timeoutOption = new Option<double>("--timeout") { Description = "The REST clients' AttemptTimeout in seconds.", DefaultValueFactory = _ => 5 };
var workersOption = new Option<int>("--workers") { Description = "Concurrent trading workers on the bot's main client.", DefaultValueFactory = _ => 3 };
var faultOptions = new FaultCommandLine(FaultWeights.HttpDefault, "rst, hole_drop, hole_freeze, delay, frag, refuse, cut, split", new FaultInjectorOptions(MinGap: 3, MaxGap: 10, MinHole: 2, MaxHole: 12));
var outOption = new Option<DirectoryInfo?>("--out") { Description = "Where rest-soak.log, calls.tsv and orders.tsv go (default: <temp>/blinktrade-rest-soak/seed-<seed>)." };

var root = new RootCommand("Trades and manages API keys over REST through a faulty network for a few minutes, then checks every outcome against the reference exchange.");
foreach (var option in new Option[] { minutesOption, seedOption, timeoutOption, workersOption, outOption }.Concat(faultOptions.Options))
{
    root.Options.Add(option);
}
root.SetAction(async (parseResult, cancellationToken) =>
{
    var minutes = parseResult.GetValue(minutesOption);
    var timeout = parseResult.GetValue(timeoutOption);
    var workers = parseResult.GetValue(workersOption);
    var faultProblem = faultOptions.Read(parseResult, out var weights, out var faults);
    string? problem = minutes <= 0 ? "--minutes must be above 0"
        : timeout <= 0 ? "--timeout must be above 0"
        : workers <= 0 ? "--workers must be above 0"
        : faultProblem;
    if (problem is not null)
    {
        await Console.Error.WriteLineAsync(problem);
        return RestSoakExitCodes.InvalidArguments;
    }
    var seed = parseResult.GetValue(seedOption);
    var output = parseResult.GetValue(outOption)?.FullName
        ?? Path.Combine(Path.GetTempPath(), "blinktrade-rest-soak", "seed-" + seed.ToString(CultureInfo.InvariantCulture));
    Directory.CreateDirectory(output);
    var settings = new RestSoakSettings(TimeSpan.FromMinutes(minutes), seed, TimeSpan.FromSeconds(timeout), workers, weights, faults, output);
    using var log = new SoakLog(Path.Combine(output, "rest-soak.log"));
    try
    {
        return await new RestSoakRun(settings, log).RunAsync();
    }
    catch (Exception e)
    {
        // The exchange or a client did not start, or the audit's connections failed: nothing could be checked.
        log.Write($"FAIL: the run could not finish: {e}");
        return RestSoakExitCodes.RunFailed;
    }
});
var parsed = root.Parse(args);
var exitCode = await parsed.InvokeAsync();
// System.CommandLine reports parse errors with 1, which here means a failed check.
return parsed.Errors.Count > 0 ? RestSoakExitCodes.InvalidArguments : exitCode;
