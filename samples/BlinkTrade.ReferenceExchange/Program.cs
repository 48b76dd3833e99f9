using System.CommandLine;
using System.Runtime.InteropServices;
using BlinkTrade.Testing;
using Microsoft.Extensions.Logging;

// The standalone reference exchange: `dotnet run --project samples/BlinkTrade.ReferenceExchange -- --urls http://127.0.0.1:8080 --seed seed.json`
// Serves WebSocket sessions on /trade/ and / and the API-key REST endpoints until SIGTERM or Ctrl+C.
var urlsOption = new Option<string>("--urls")
{
    Description = "The loopback URL to listen on, e.g. http://127.0.0.1:8080 (port 0 picks a free one).",
    DefaultValueFactory = _ => "http://127.0.0.1:8080",
};
var seedOption = new Option<FileInfo?>("--seed")
{
    Description = "A seed file: brokers, instruments, users with balances and API keys, admin keys (see seed.json).",
};
var quietOption = new Option<bool>("--quiet")
{
    Description = "Log connections only, not every inbound message type.",
};
var hashIterationsOption = new Option<int?>("--password-hash-iterations")
{
    Description = "PBKDF2 iterations of password hashes (default: the seed's passwordHashIterations, else 100000). Lower it only for test servers.",
};
var root = new RootCommand("BlinkTrade reference exchange (WebSocket + API-key REST on Kestrel)");
root.Options.Add(urlsOption);
root.Options.Add(seedOption);
root.Options.Add(quietOption);
root.Options.Add(hashIterationsOption);
root.SetAction(async (parseResult, cancellationToken) =>
{
    var urls = parseResult.GetValue(urlsOption)!;
    if (!Uri.TryCreate(urls.Split(';')[0], UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp ||
        url.Host is not ("127.0.0.1" or "localhost"))
    {
        await Console.Error.WriteLineAsync($"--urls must be a loopback http URL such as http://127.0.0.1:8080 (got '{urls}').").ConfigureAwait(false);
        return 2;
    }
    using var loggerFactory = LoggerFactory.Create(logging => logging
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        })
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
            return 2;
        }
        try
        {
            seed = await ExchangeSeed.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeSeedException e)
        {
            // Exit code 3: the seed file is invalid (README "Exit codes"); the message names the field.
            await Console.Error.WriteLineAsync($"{path}: {e.Message}").ConfigureAwait(false);
            return 3;
        }
        logger.LogInformation("Seeded from {SeedFile}", path);
    }
    var hashIterations = parseResult.GetValue(hashIterationsOption) ?? seed?.PasswordHashIterations ?? new ReferenceExchangeOptions().PasswordHashIterations;
    if (hashIterations < 1)
    {
        await Console.Error.WriteLineAsync($"--password-hash-iterations must be at least 1 (got {hashIterations}).").ConfigureAwait(false);
        return 2;
    }

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

    await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions
    {
        LoggerFactory = loggerFactory,
        EnableWebSocketServer = true,
        WebSocketPort = url.Port,
        Seed = seed,
        PasswordHashIterations = hashIterations,
    }, cancellationToken).ConfigureAwait(false);
    logger.LogInformation("Listening on {WebSocketUri} (also /) and {RestUri}api/v1/apikey/", exchange.WebSocketUri, exchange.HttpBaseAddress);
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
    }
    catch (OperationCanceledException)
    {
        logger.LogInformation("Stopping");
    }
    return 0;
});
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
