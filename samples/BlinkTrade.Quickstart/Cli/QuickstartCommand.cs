using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.InteropServices;
using BlinkTrade.Samples;

namespace BlinkTrade.Quickstart.Cli;

/// <summary>
/// The command line (System.CommandLine 2.0): options, their validation and the mapping to
/// <see cref="QuickstartOptions"/>. Invalid arguments print a message naming the option and exit with
/// <see cref="ExitCodes.InvalidArguments"/>.
/// </summary>
internal sealed class QuickstartCommand
{
    /// <summary>The environment variable read when <c>--password</c> is not given (keeps the password out of the
    /// shell history and the process list).</summary>
    public const string PasswordVariable = "BLINKTRADE_PASSWORD";

    private readonly Option<double?> _durationOption = new("--duration")
    {
        Description = "Stop this many seconds after start-up finished (default: run until Ctrl+C).",
        HelpName = "seconds",
        CustomParser = ParseDuration,
    };

    private readonly Option<string?> _urlOption = new("--url")
    {
        Description = "Connect to this BlinkTrade server (ws:// or wss://, e.g. wss://api_testnet.blinktrade.com/trade/) " +
                      "instead of starting the embedded exchange. Needs --user and a password.",
    };

    private readonly Option<int?> _brokerOption = new("--broker")
    {
        Description = $"The broker id to log in with (with --url; default {QuickstartOptions.DefaultBrokerId}).",
        HelpName = "id",
        CustomParser = ParseBrokerId,
    };

    private readonly Option<string?> _userOption = new("--user")
    {
        Description = "Username, email or (with --api-key) API key (with --url).",
    };

    private readonly Option<string?> _passwordOption = new("--password")
    {
        Description = $"Password or API password (with --url); read from {PasswordVariable} when omitted.",
    };

    private readonly Option<bool> _apiKeyOption = new("--api-key")
    {
        Description = "--user is an API key and --password its API password (with --url).",
    };

    private readonly Option<bool> _demoOrderOption = new("--demo-order")
    {
        Description = "With --url: place a small buy far below the best bid, then cancel it, to show the execution reports. " +
                      "Off by default because a real server trades real money. The embedded exchange always does it.",
    };

    private readonly Option<string> _symbolOption = new("--symbol")
    {
        Description = "The instrument to show.",
        DefaultValueFactory = _ => QuickstartOptions.DefaultSymbol,
    };

    private readonly Option<bool> _plainOption = new("--plain")
    {
        Description = "Print plain text lines (once per second) even on an interactive terminal. " +
                      "Chosen automatically when the output is redirected.",
    };

    private readonly Option<int> _seedOption = new("--seed")
    {
        Description = "Random seed of the simulated traders (embedded exchange only).",
        DefaultValueFactory = _ => 42,
    };

    private readonly Option<FileInfo?> _recordOption = new("--record")
    {
        Description = "Record the client's session, every frame both ways with its time, to this JSON Lines tape " +
                      "(credentials as ***); replay it with BlinkTrade.Testing.Tapes.TapeReplayer.",
    };

    /// <summary>Builds the command line; <paramref name="run"/> is invoked with the validated options.</summary>
    /// <param name="run">The application.</param>
    public QuickstartCommand(Func<QuickstartOptions, CancellationToken, Task<int>> run)
    {
        // Custom parsers check single values (a validator reading an unparsable value would throw); the command
        // validator checks the rest and the combinations.
        Root = new RootCommand("BlinkTrade quickstart: a live view of a market and your account. Without --url it " +
                                   "starts an embedded reference exchange with simulated traders.")
        {
            _durationOption, _urlOption, _brokerOption, _userOption, _passwordOption, _apiKeyOption, _demoOrderOption, _symbolOption,
            _plainOption, _seedOption, _recordOption,
        };
        Root.Validators.Add(Validate);
        Root.SetAction((parseResult, cancellationToken) => run(ToOptions(parseResult), cancellationToken));
    }

    /// <summary>The root command.</summary>
    public RootCommand Root { get; }

    /// <summary>Parses and runs: the exit code of <paramref name="run"/>, or <see cref="ExitCodes.InvalidArguments"/>
    /// for invalid arguments (after printing what is wrong).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="run">The application.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> InvokeAsync(string[] args, Func<QuickstartOptions, CancellationToken, Task<int>> run)
    {
        var parseResult = new QuickstartCommand(run).Root.Parse(args);
        // Ctrl+C and SIGTERM cancel the action's token, handled from before the action starts. System.CommandLine's own
        // handler (ProcessTerminationTimeout) is registered only once the action has returned an incomplete task, and a
        // start-up that runs synchronously up to its first socket read (a loopback connect and write complete at once)
        // left a window in which a SIGTERM found no handler and ended the process by the signal, without our message or
        // exit code. The first signal asks the run to stop (the shutdown of the client, the simulated traders and
        // Kestrel keeps our exit code); a second one ends the process at once, as the signal's default does.
        using var stopping = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, stopping.Token);
        // System.CommandLine reports parse errors with 1, which is our runtime failure.
        return parseResult.Errors.Count > 0 ? ExitCodes.InvalidArguments : exitCode;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = !stopping.IsCancellationRequested;
            stopping.Cancel();
        }
    }

    /// <summary>Maps a successful parse to options (the password falls back to <see cref="PasswordVariable"/>).</summary>
    /// <param name="parseResult">A parse result without errors.</param>
    /// <returns>The options.</returns>
    public QuickstartOptions ToOptions(ParseResult parseResult)
    {
        var url = parseResult.GetValue(_urlOption);
        return new QuickstartOptions
        {
            Duration = parseResult.GetValue(_durationOption) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Url = url is null ? null : new Uri(url, UriKind.Absolute),
            BrokerId = parseResult.GetValue(_brokerOption) ?? QuickstartOptions.DefaultBrokerId,
            User = parseResult.GetValue(_userOption),
            Password = PasswordOf(parseResult) ?? string.Empty,
            UseApiKey = parseResult.GetValue(_apiKeyOption),
            DemoOrder = parseResult.GetValue(_demoOrderOption),
            Symbol = parseResult.GetValue(_symbolOption)!.ToUpperInvariant(),
            PlainText = parseResult.GetValue(_plainOption),
            Seed = parseResult.GetValue(_seedOption),
            RecordPath = parseResult.GetValue(_recordOption)?.FullName,
        };
    }

    // Parsers report bad input as parse errors (printed, exit code 2) instead of letting the conversion throw.
    private static double? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) &&
            seconds > 0 && seconds <= TimeSpan.FromDays(365).TotalSeconds)
        {
            return seconds;
        }
        result.AddError($"--duration must be a positive number of seconds (got '{text}').");
        return null;
    }

    private static int? ParseBrokerId(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var brokerId))
        {
            return brokerId;
        }
        result.AddError($"--broker must be a broker id such as 5 (got '{text}').");
        return null;
    }

    private string? PasswordOf(ParseResult parseResult) =>
        parseResult.GetValue(_passwordOption) is { Length: > 0 } password ? password : Environment.GetEnvironmentVariable(PasswordVariable);

    private string? PasswordOf(CommandResult result) =>
        result.GetValue(_passwordOption) is { Length: > 0 } password ? password : Environment.GetEnvironmentVariable(PasswordVariable);

    private void Validate(CommandResult result)
    {
        // Only an explicit --symbol needs checking (the default is fine, and not yet applied while validating).
        var symbol = result.GetResult(_symbolOption) is { Implicit: false } ? result.GetValue(_symbolOption) : null;
        if (symbol is not null && (symbol.Length == 0 || !symbol.All(char.IsAsciiLetterOrDigit)))
        {
            result.AddError("--symbol must be letters and digits, e.g. BTCUSD.");
            symbol = null;
        }

        var url = result.GetValue(_urlOption);
        if (url is null)
        {
            // Without --url the sample runs its own exchange; silently ignoring a user name would be confusing.
            var remoteOnly = new Option[] { _brokerOption, _userOption, _passwordOption }
                .Where(o => result.GetResult(o) is { Implicit: false })
                .Select(o => o.Name)
                .Concat(result.GetValue(_apiKeyOption) ? [_apiKeyOption.Name] : [])
                .ToList();
            if (remoteOnly.Count > 0)
            {
                result.AddError($"{string.Join(", ", remoteOnly)} can only be used with --url (the embedded exchange logs you in by itself).");
            }
            // The embedded exchange creates the instrument from the symbol's two three-letter currency codes.
            if (symbol is { Length: not 6 })
            {
                result.AddError("--symbol must be six letters (base and quote currency, e.g. BTCUSD) on the embedded exchange.");
            }
            return;
        }
        if (result.GetResult(_seedOption) is { Implicit: false })
        {
            result.AddError("--seed can only be used without --url (it seeds the embedded exchange's simulated traders).");
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "ws" && uri.Scheme != "wss"))
        {
            result.AddError($"--url must be a ws:// or wss:// URL such as wss://api_testnet.blinktrade.com/trade/ (got '{url}').");
        }
        if (string.IsNullOrWhiteSpace(result.GetValue(_userOption)))
        {
            result.AddError("--url needs --user (a username, email or API key).");
        }
        if (string.IsNullOrEmpty(PasswordOf(result)))
        {
            result.AddError($"--url needs a password: --password, or the {PasswordVariable} environment variable.");
        }
    }
}
