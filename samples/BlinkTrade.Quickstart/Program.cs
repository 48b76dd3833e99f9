using BlinkTrade.Quickstart;
using BlinkTrade.Quickstart.Cli;

// `dotnet run --project samples/BlinkTrade.Quickstart` starts an embedded exchange with simulated traders and shows the
// market live; `-- --help` lists the options (e.g. --duration, or --url/--user/--password for a real server).
return await QuickstartCommand.InvokeAsync(args, QuickstartApp.RunAsync);
