using BlinkTrade.Client.Protocol;
using BlinkTrade.Quickstart.State;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BlinkTrade.Quickstart.View;

/// <summary>
/// The interactive dashboard (Spectre.Console <c>Live</c> display), redrawn four times a second from a
/// <see cref="MarketSnapshot"/>: ticker on top; the order-book ladder (asks above bids, with cumulative depth bars)
/// on the left; trades, balances, open orders and execution reports on the right.
/// </summary>
internal sealed class LiveView : IMarketView
{
    private const int BookDepth = 10;
    private const int BarWidth = 24;
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private readonly IAnsiConsole _console;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the view.</summary>
    /// <param name="console">The terminal.</param>
    /// <param name="timeProvider">The clock of the refreshes.</param>
    public LiveView(IAnsiConsole console, TimeProvider timeProvider)
    {
        _console = console;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public void Info(string message) => _console.MarkupLine($"[grey]{Markup.Escape(message)}[/]");

    /// <inheritdoc />
    public void Fail(string message) => _console.MarkupLine($"[red]{Markup.Escape(message)}[/]");

    /// <inheritdoc />
    public async Task RunAsync(MarketState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await _console.Live(Render(state.Snapshot()))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Bottom)
            .StartAsync(async context =>
            {
                using var timer = new PeriodicTimer(RefreshInterval, _timeProvider);
                try
                {
                    while (await timer.WaitForNextTickAsync(cancellationToken))
                    {
                        context.UpdateTarget(Render(state.Snapshot()));
                    }
                }
                catch (OperationCanceledException)
                {
                    // Stopping: draw the final state once more and leave it on screen.
                    context.UpdateTarget(Render(state.Snapshot()));
                }
            });
    }

    /// <summary>Draws a snapshot.</summary>
    /// <param name="snapshot">The state.</param>
    /// <returns>The whole screen.</returns>
    public static IRenderable Render(MarketSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var right = new Rows(Trades(snapshot), Balances(snapshot), OpenOrders(snapshot), ExecutionReports(snapshot));
        var body = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        body.AddRow(OrderBook(snapshot), right);
        return new Rows(Header(snapshot), body, Footer(snapshot));
    }

    private static Panel Header(MarketSnapshot snapshot)
    {
        var t = snapshot.Ticker;
        var text = $"[bold]{Markup.Escape(snapshot.Symbol)}[/]  last [bold yellow]{Formats.OfTicker(t?.LastPx)}[/]  " +
                   $"high [green]{Formats.OfTicker(t?.HighPx)}[/]  low [red]{Formats.OfTicker(t?.LowPx)}[/]  " +
                   $"24h vol {Formats.Of(t?.BaseVolume24h)} {Markup.Escape(snapshot.BaseCurrency)}  " +
                   $"bid/ask {Formats.OfTicker(t?.BestBid)} / {Formats.OfTicker(t?.BestAsk)}  trades {snapshot.TradeCount}";
        return new Panel(new Markup(text)) { Header = new PanelHeader(" ticker (e/f) "), Expand = true, Border = BoxBorder.Rounded };
    }

    private static Markup Footer(MarketSnapshot snapshot)
    {
        var state = snapshot.Connection is "LoggedIn" or "Connected" ? $"[green]{snapshot.Connection}[/]" : $"[yellow]{Markup.Escape(snapshot.Connection)}[/]";
        var notice = snapshot.LastNotice is { } n ? $"  [blue]{Markup.Escape(n)}[/]" : string.Empty;
        var error = snapshot.LastError is { } e ? $"  [red]{Markup.Escape(e)}[/]" : string.Empty;
        return new Markup($"{state}{notice}{error}  [grey]Ctrl+C to quit[/]");
    }

    private static Table OrderBook(MarketSnapshot snapshot)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("order book") }
            .AddColumn(new TableColumn("price").RightAligned())
            .AddColumn(new TableColumn("size").RightAligned())
            .AddColumn(new TableColumn("total").RightAligned())
            .AddColumn(new TableColumn("depth"));
        var bids = snapshot.Book is { } book ? BookLevel.Aggregate(book.Bids, BookDepth) : [];
        var asks = snapshot.Book is { } book2 ? BookLevel.Aggregate(book2.Asks, BookDepth) : [];
        // Bars share one scale, so the deeper side is visibly deeper.
        var deepest = Math.Max(bids.Count > 0 ? bids[^1].Cumulative.Satoshis : 0, asks.Count > 0 ? asks[^1].Cumulative.Satoshis : 0);

        // Asks above bids, the best of both next to the spread in the middle.
        for (var i = BookDepth - 1; i >= 0; i--)
        {
            AddLevel(table, i < asks.Count ? asks[i] : null, deepest, "red");
        }
        var spread = bids.Count > 0 && asks.Count > 0 ? $"spread {Formats.Of(asks[0].Price - bids[0].Price)}" : "spread -";
        table.AddRow(new Markup(string.Empty), new Markup(string.Empty), new Markup(string.Empty), new Markup($"[grey]{spread}[/]"));
        for (var i = 0; i < BookDepth; i++)
        {
            AddLevel(table, i < bids.Count ? bids[i] : null, deepest, "green");
        }
        return table;
    }

    private static void AddLevel(Table table, BookLevel? level, long deepest, string colour)
    {
        if (level is not { } l)
        {
            table.AddRow(string.Empty, string.Empty, string.Empty, string.Empty);
            return;
        }
        var width = deepest == 0 ? 0 : (int)Math.Max(1, Math.Round((double)l.Cumulative.Satoshis / deepest * BarWidth));
        table.AddRow(
            new Markup($"[{colour}]{Formats.Of(l.Price)}[/]"),
            new Markup(Formats.Of(l.Size)),
            new Markup(Formats.Of(l.Cumulative)),
            new Markup($"[{colour}]{new string('█', width)}[/]"));
    }

    private static Table Trades(MarketSnapshot snapshot)
    {
        var table = SmallTable("latest trades", "time (UTC)", "taker", "price", "size");
        foreach (var trade in snapshot.RecentTrades.Take(6))
        {
            var colour = trade.AggressorSide == Side.Buy ? "green" : "red";
            table.AddRow(
                new Markup(trade.Time?.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
                new Markup($"[{colour}]{(trade.AggressorSide == Side.Buy ? "buy" : "sell")}[/]"),
                new Markup(Formats.Of(trade.Price)),
                new Markup(Formats.Of(trade.Size)));
        }
        return table;
    }

    private static Table Balances(MarketSnapshot snapshot)
    {
        var table = SmallTable("your balances", "currency", "available", "locked", "total");
        foreach (var (currency, isFiat) in new[] { (snapshot.BaseCurrency, false), (snapshot.QuoteCurrency, true) })
        {
            var balance = snapshot.Balances?.Get(currency);
            table.AddRow(Markup.Escape(currency), Formats.Of(balance?.Available, isFiat), Formats.Of(balance?.Locked, isFiat), Formats.Of(balance?.Total, isFiat));
        }
        return table;
    }

    private static Table OpenOrders(MarketSnapshot snapshot)
    {
        var table = SmallTable("your open orders", "order", "side", "price", "qty", "filled", "status");
        foreach (var order in snapshot.OpenOrders.Take(5))
        {
            table.AddRow(order.OrderID.ToString(System.Globalization.CultureInfo.InvariantCulture), order.Side.ToString(), Formats.Of(order.Price),
                Formats.Of(order.OrderQty), Formats.Of(order.CumQty), order.OrdStatus.ToString());
        }
        if (snapshot.OpenOrders.Count == 0)
        {
            table.AddRow("[grey]none[/]", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        }
        return table;
    }

    private static Table ExecutionReports(MarketSnapshot snapshot)
    {
        var table = SmallTable("your execution reports", "exec", "side", "qty@price", "status", "cum", "leaves", "order");
        foreach (var report in snapshot.RecentExecutionReports.Take(6))
        {
            var colour = report.ExecType == ExecType.Rejected ? "red" : report.ExecType == ExecType.Cancelled ? "yellow" : "white";
            table.AddRow(
                new Markup($"[{colour}]{report.ExecType}[/]"),
                new Markup(report.Side.ToString()),
                new Markup($"{Formats.Of(report.OrderQty)}@{Formats.Of(report.Price)}"),
                new Markup(report.OrdStatus.ToString()),
                new Markup(Formats.Of(report.CumQty)),
                new Markup(Formats.Of(report.LeavesQty)),
                new Markup(report.OrderID.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return table;
    }

    private static Table SmallTable(string title, params string[] columns)
    {
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle(title), Expand = true };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(column));
        }
        return table;
    }
}
