using System.CommandLine;
using System.Runtime.InteropServices;
using BlinkTrade.ReferenceExchange;
using BlinkTrade.Samples;
using BlinkTrade.Testing;
using BlinkTrade.Testing.Telemetry;
using BlinkTrade.Testing.Tapes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

// The standalone reference exchange: `dotnet run --project samples/BlinkTrade.ReferenceExchange -- --urls http://127.0.0.1:8080 --seed seed.json`
// (or `blinktrade-exchange --urls … --seed …` when installed as a .NET tool).
// Serves WebSocket sessions on /trade/ and / and the API-key REST endpoints until SIGTERM or Ctrl+C.
// Standard output carries one machine-readable line (ListeningLine) once the server listens; logs go to standard error.
// Exit codes (as the quickstart's): 0 stopped as asked, 1 runtime failure, 2 invalid arguments.
var urlsOption = new Option<string>("--urls")
{
    Description = "The loopback URL to listen on, e.g. http://127.0.0.1:8080 (port 0 picks a free one).",
    DefaultValueFactory = _ => "http://127.0.0.1:8080",
};
var seedOption = new Option<FileInfo?>("--seed")
{
    Description = "A seed file: brokers, instruments, users with balances and API keys, admin keys (format in the description above). " +
                  "A name not found in the current folder is looked up beside the executable (the example seed.json ships there).",
};
var quietOption = new Option<bool>("--quiet")
{
    Description = "Log connections only, not every inbound message type.",
};
var hashIterationsOption = new Option<int?>("--password-hash-iterations")
{
    Description = "PBKDF2 iterations of password hashes (default: the seed's passwordHashIterations, else 100000). Lower it only for test servers.",
};
var otlpOption = new Option<string?>("--otlp-endpoint")
{
    Description = "Export the exchange's metrics (meter BlinkTrade.ReferenceExchange) over OTLP/HTTP to this collector, e.g. http://127.0.0.1:4318. Off by default; " +
                  "OTEL_METRIC_EXPORT_INTERVAL (ms) sets the period.",
};
var recordOption = new Option<FileInfo?>("--record")
{
    Description = "Record every session's frames, both ways, with their times to this JSON Lines tape (credentials as ***); " +
                  "replay it to a client with BlinkTrade.Testing.Tapes.TapeReplayer.",
};
var root = new RootCommand(ServerHelp.Description);
root.Options.Add(urlsOption);
root.Options.Add(seedOption);
root.Options.Add(quietOption);
root.Options.Add(hashIterationsOption);
root.Options.Add(otlpOption);
root.Options.Add(recordOption);
root.SetAction(async (parseResult, cancellationToken) =>
{
    var urls = parseResult.GetValue(urlsOption)!;
    if (!Uri.TryCreate(urls.Split(';')[0], UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp ||
        url.Host is not ("127.0.0.1" or "localhost"))
    {
        await Console.Error.WriteLineAsync($"--urls must be a loopback http URL such as http://127.0.0.1:8080 (got '{urls}').").ConfigureAwait(false);
        return ExitCodes.InvalidArguments;
    }
    using var loggerFactory = LoggerFactory.Create(logging => logging
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        })
        // Standard output is for the machine-readable listening line only.
        .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
        .SetMinimumLevel(LogLevel.Information)
        .AddFilter("BlinkTrade", parseResult.GetValue(quietOption) ? LogLevel.Information : LogLevel.Debug)
        .AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
    var logger = loggerFactory.CreateLogger("BlinkTrade.ReferenceExchange");

    ExchangeSeed? seed = null;
    if (parseResult.GetValue(seedOption) is { } seedFile)
    {
        // `--seed seed.json` from the repository root finds the example seed shipped beside the executable.
        var path = seedFile.Exists ? seedFile.FullName : Path.Combine(AppContext.BaseDirectory, seedFile.Name);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"Seed file not found: {seedFile.FullName}").ConfigureAwait(false);
            return ExitCodes.InvalidArguments;
        }
        try
        {
            seed = await ExchangeSeed.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeSeedException e)
        {
            // An invalid seed is an invalid argument (samples/README.md "Exit codes"); the message names the field.
            await Console.Error.WriteLineAsync($"{path}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidArguments;
        }
        logger.LogInformation("Seeded from {SeedFile}", path);
    }
    var hashIterations = parseResult.GetValue(hashIterationsOption) ?? seed?.PasswordHashIterations ?? new ReferenceExchangeOptions().PasswordHashIterations;
    if (hashIterations < 1)
    {
        await Console.Error.WriteLineAsync($"--password-hash-iterations must be at least 1 (got {hashIterations}).").ConfigureAwait(false);
        return ExitCodes.InvalidArguments;
    }

    Uri? otlp = null;
    if (parseResult.GetValue(otlpOption) is { } otlpText && (!Uri.TryCreate(otlpText, UriKind.Absolute, out otlp) || otlp.Scheme is not ("http" or "https")))
    {
        await Console.Error.WriteLineAsync($"--otlp-endpoint must be an http(s) URL such as http://127.0.0.1:4318 (got '{otlpText}').").ConfigureAwait(false);
        return ExitCodes.InvalidArguments;
    }

    // Optional OpenTelemetry export: the exchange's meter, pushed over OTLP/HTTP (protobuf) to {endpoint}v1/metrics.
    using var meterProvider = otlp is not null
        ? Sdk.CreateMeterProviderBuilder()
            .AddMeter(ExchangeTelemetry.Name)
            .AddOtlpExporter(o =>
            {
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.Endpoint = new Uri(otlp, "v1/metrics");
            })
            .Build()
        : null;

    // Ctrl+C and SIGTERM both stop the server cleanly.
    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };

    // Declared before the exchange so it is closed after the last session was recorded.
    await using var tape = parseResult.GetValue(recordOption) is { } tapeFile ? TapeRecorder.CreateFile(tapeFile.FullName) : null;
    if (tape is not null)
    {
        logger.LogInformation("Recording sessions to {Tape}", parseResult.GetValue(recordOption)!.FullName);
    }
    await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions
    {
        SessionTape = tape,
        LoggerFactory = loggerFactory,
        EnableWebSocketServer = true,
        WebSocketPort = url.Port,
        Seed = seed,
        PasswordHashIterations = hashIterations,
    }, cancellationToken).ConfigureAwait(false);
    logger.LogInformation("Listening on {WebSocketUri} (also /) and {RestUri}api/v1/apikey/", exchange.WebSocketUri, exchange.HttpBaseAddress);
    // One line, flushed at once: a script or another language's test harness reads it to find the port (0 picks one).
    Console.Out.WriteLine(ListeningLine.For(exchange.HttpBaseAddress!, exchange.WebSocketUri!).ToJson());
    Console.Out.Flush();
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
    }
    catch (OperationCanceledException)
    {
        logger.LogInformation("Stopping");
    }
    return ExitCodes.Success;
});
var parseResult = root.Parse(args);
var exitCode = await parseResult.InvokeAsync().ConfigureAwait(false);
// System.CommandLine reports parse errors with 1, which is our runtime failure.
return parseResult.Errors.Count > 0 ? ExitCodes.InvalidArguments : exitCode;
