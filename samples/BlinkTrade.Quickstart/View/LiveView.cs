using System.Globalization;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Quickstart.State;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BlinkTrade.Quickstart.View;

/// <summary>
/// The interactive dashboard (Spectre.Console <c>Live</c> display), redrawn four times a second from a
/// <see cref="MarketSnapshot"/>: ticker on top; the order-book ladder (asks above bids, with cumulative depth bars)
/// on the left; trades, balances, open orders and execution reports on the right. It fits the terminal: each frame
/// uses the richest <see cref="LiveLayout"/> that fits its width and height, and a resize starts a fresh display on a
/// cleared screen (the terminal has reflowed the old frame, which the live display could no longer overwrite).
/// </summary>
internal sealed class LiveView : IMarketView
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    // Wide enough that no table is ever squeezed while measuring its natural width.
    private const int Unlimited = 10_000;

    private readonly IAnsiConsole _console;
    private readonly TimeProvider _timeProvider;
    private (Size Size, LiveLayout Layout)? _fitted;

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
        using var timer = new PeriodicTimer(RefreshInterval, _timeProvider);
        var stopped = false;
        var first = true;
        while (!stopped)
        {
            if (!first)
            {
                _console.Clear(home: true); // after a resize: no reflowed fragments of the old frame
            }
            first = false;
            var size = CurrentSize();
            await _console.Live(Draw(state.Snapshot(), size, final: false))
                .AutoClear(false)
                .Overflow(VerticalOverflow.Ellipsis)
                .Cropping(VerticalOverflowCropping.Bottom)
                .StartAsync(async context =>
                {
                    context.Refresh(); // the first frame now, not at the first tick
                    try
                    {
                        while (await timer.WaitForNextTickAsync(cancellationToken))
                        {
                            if (!CurrentSize().Equals(size))
                            {
                                return; // redraw from scratch at the new size
                            }
                            context.UpdateTarget(Draw(state.Snapshot(), size, final: false));
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        // Stopping: draw the final state once more and leave it on screen.
                    }
                    stopped = true;
                    context.UpdateTarget(Draw(state.Snapshot(), CurrentSize(), final: true));
                });
        }
    }

    /// <summary>Draws a snapshot in the richest layout that fits the terminal.</summary>
    /// <param name="snapshot">The state.</param>
    /// <param name="capabilities">The terminal's capabilities (Unicode borders or not).</param>
    /// <param name="size">The terminal's columns and rows.</param>
    /// <param name="final">The last frame, left on screen after the sample stopped (no "Ctrl+C to quit").</param>
    /// <returns>The whole screen.</returns>
    public static IRenderable Render(MarketSnapshot snapshot, IReadOnlyCapabilities capabilities, Size size, bool final) =>
        Render(snapshot, Fit(snapshot, capabilities, size, final), size.Width, final);

    /// <summary>The richest layout whose drawing of <paramref name="snapshot"/> fits: no table wider than its share of
    /// the terminal (a squeezed column would wrap numbers), no more lines than the terminal has (one is kept for the
    /// cursor).</summary>
    /// <param name="snapshot">The state.</param>
    /// <param name="capabilities">The terminal's capabilities.</param>
    /// <param name="size">The terminal's columns and rows.</param>
    /// <param name="final">Whether it is the final frame.</param>
    /// <returns>The layout (the barest one when nothing fits a tiny terminal).</returns>
    public static LiveLayout Fit(MarketSnapshot snapshot, IReadOnlyCapabilities capabilities, Size size, bool final)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var options = new RenderOptions(capabilities, size);
        // Drawing every candidate whole would take seconds: estimate from the parts (each measured once), then draw
        // only a candidate that passes the estimate to be sure.
        var chrome = Height(Header(snapshot, size.Width), options) + Height(Footer(snapshot, size.Width, final), options);
        var books = new Dictionary<(int Levels, int Bar), (int Width, int Height)>();
        var rights = new Dictionary<(bool All, int Rows, bool Trades, bool Orders, bool Reports), (int Width, int Height)>();
        var last = LiveLayout.Richest;
        foreach (var layout in LiveLayout.Candidates())
        {
            last = layout;
            if (!books.TryGetValue((layout.Levels, layout.BarWidth), out var book))
            {
                books[(layout.Levels, layout.BarWidth)] = book = Measure(OrderBook(snapshot, layout), options);
            }
            var key = (layout.AllColumns, layout.Rows, layout.ShowTrades, layout.ShowOrders, layout.ShowReports);
            if (!rights.TryGetValue(key, out var right))
            {
                rights[key] = right = Measure(RightSide(snapshot, layout), options);
            }
            var (width, height) = layout.Stacked
                ? (Math.Max(book.Width, right.Width), book.Height + right.Height)
                : (book.Width + GridGap + right.Width, Math.Max(book.Height, right.Height));
            if (width <= size.Width && chrome + height <= size.Height - 1 && Fits(snapshot, layout, options, final))
            {
                return layout;
            }
        }
        return last;
    }

    // Grid columns are two cells apart (Spectre's default grid padding).
    private const int GridGap = 2;

    private static (int Width, int Height) Measure(IRenderable renderable, RenderOptions options)
    {
        var width = NaturalWidth(renderable, options);
        return (width, Segment.SplitLines(renderable.Render(options, width)).Count);
    }

    private static int Height(IRenderable renderable, RenderOptions options) =>
        Segment.SplitLines(renderable.Render(options, options.ConsoleSize.Width)).Count;

    private static bool Fits(MarketSnapshot snapshot, LiveLayout layout, RenderOptions options, bool final) =>
        NaturalWidth(Body(snapshot, layout), options) <= options.ConsoleSize.Width &&
        Segment.SplitLines(((IRenderable)Render(snapshot, layout, options.ConsoleSize.Width, final)).Render(options, options.ConsoleSize.Width)).Count
            <= options.ConsoleSize.Height - 1;

    private Size CurrentSize() => new(_console.Profile.Width, _console.Profile.Height);

    // The layout is searched again only when the size changes or the current one stops fitting (e.g. wider numbers).
    private IRenderable Draw(MarketSnapshot snapshot, Size size, bool final)
    {
        var options = new RenderOptions(_console.Profile.Capabilities, size);
        if (_fitted is not { } fitted || !fitted.Size.Equals(size) || !Fits(snapshot, fitted.Layout, options, final))
        {
            _fitted = fitted = (size, Fit(snapshot, _console.Profile.Capabilities, size, final));
        }
        return Render(snapshot, fitted.Layout, size.Width, final);
    }

    private static int NaturalWidth(IRenderable renderable, RenderOptions options) => renderable.Measure(options, Unlimited).Max;

    private static Rows Render(MarketSnapshot snapshot, LiveLayout layout, int width, bool final) =>
        new Rows(Header(snapshot, width), Body(snapshot, layout), Footer(snapshot, width, final));

    private static IRenderable Body(MarketSnapshot snapshot, LiveLayout layout)
    {
        if (layout.Stacked)
        {
            return new Rows(OrderBook(snapshot, layout), RightSide(snapshot, layout));
        }
        var body = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn(new GridColumn().NoWrap());
        body.AddRow(OrderBook(snapshot, layout), RightSide(snapshot, layout));
        return body;
    }

    private static Rows RightSide(MarketSnapshot snapshot, LiveLayout layout)
    {
        var sections = new List<IRenderable>();
        if (layout.ShowTrades)
        {
            sections.Add(Trades(snapshot, layout));
        }
        sections.Add(Balances(snapshot, layout));
        if (layout.ShowOrders)
        {
            sections.Add(OpenOrders(snapshot, layout));
        }
        if (layout.ShowReports)
        {
            sections.Add(ExecutionReports(snapshot, layout));
        }
        return new Rows(sections);
    }

    // The ticker's parts in order of importance; those that do not fit on one line are left out, whole.
    private static Panel Header(MarketSnapshot snapshot, int width)
    {
        var t = snapshot.Ticker;
        var parts = new (string Plain, string Markup)[]
        {
            (snapshot.Symbol, $"[bold]{Markup.Escape(snapshot.Symbol)}[/]"),
            ($"last {Formats.OfTicker(t?.LastPx)}", $"last [bold yellow]{Formats.OfTicker(t?.LastPx)}[/]"),
            ($"high {Formats.OfTicker(t?.HighPx)}", $"high [green]{Formats.OfTicker(t?.HighPx)}[/]"),
            ($"low {Formats.OfTicker(t?.LowPx)}", $"low [red]{Formats.OfTicker(t?.LowPx)}[/]"),
            ($"bid/ask {Formats.OfTicker(t?.BestBid)} / {Formats.OfTicker(t?.BestAsk)}", $"bid/ask {Formats.OfTicker(t?.BestBid)} / {Formats.OfTicker(t?.BestAsk)}"),
            ($"24h vol {Formats.Of(t?.BaseVolume24h)} {snapshot.BaseCurrency}", $"24h vol {Formats.Of(t?.BaseVolume24h)} {Markup.Escape(snapshot.BaseCurrency)}"),
            ($"trades {snapshot.TradeCount}", $"trades {snapshot.TradeCount}"),
        };
        var room = width - 4; // the panel's borders and padding
        var shown = new List<string>();
        var used = 0;
        foreach (var (plain, markup) in parts)
        {
            var needed = plain.Length + (shown.Count == 0 ? 0 : 2);
            if (used + needed > room)
            {
                break;
            }
            shown.Add(markup);
            used += needed;
        }
        return new Panel(new Markup(string.Join("  ", shown))) { Header = new PanelHeader(" ticker (e/f) "), Expand = true, Border = BoxBorder.Rounded };
    }

    // Connection state and how to quit (or that it stopped) always; the latest notice and error when they fit on the
    // line, whole.
    private static Markup Footer(MarketSnapshot snapshot, int width, bool final)
    {
        var colour = snapshot.Connection is "LoggedIn" or "Connected" ? "green" : "yellow";
        var state = snapshot.Health is { } health
            ? (Plain: $"{snapshot.Connection} ({health})", Markup: $"[{colour}]{Markup.Escape(snapshot.Connection)}[/] [grey]({Markup.Escape(health)})[/]")
            : (Plain: snapshot.Connection, Markup: $"[{colour}]{Markup.Escape(snapshot.Connection)}[/]");
        var hint = final ? (Plain: "stopped", Markup: "[grey]stopped[/]") : (Plain: "Ctrl+C to quit", Markup: "[grey]Ctrl+C to quit[/]");
        var used = state.Plain.Length + 2 + hint.Plain.Length;
        var middle = new List<string>();
        foreach (var (text, style) in new[] { (snapshot.LastNotice, "blue"), (snapshot.LastError, "red") })
        {
            if (text is not null && used + 2 + text.Length <= width - 1)
            {
                middle.Add($"[{style}]{Markup.Escape(text)}[/]");
                used += 2 + text.Length;
            }
        }
        return new Markup(string.Join("  ", middle.Prepend(state.Markup).Append(hint.Markup)));
    }

    private static Table OrderBook(MarketSnapshot snapshot, LiveLayout layout)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("order book") }
            .AddColumn(new TableColumn("price").RightAligned().NoWrap())
            .AddColumn(new TableColumn("size").RightAligned().NoWrap())
            .AddColumn(new TableColumn("total").RightAligned().NoWrap());
        if (layout.BarWidth > 0)
        {
            table.AddColumn(new TableColumn("depth").NoWrap());
        }
        var bids = snapshot.Book is { } book ? BookLevel.Aggregate(book.Bids, layout.Levels) : [];
        var asks = snapshot.Book is { } book2 ? BookLevel.Aggregate(book2.Asks, layout.Levels) : [];
        // Bars share one scale, so the deeper side is visibly deeper.
        var deepest = Math.Max(bids.Count > 0 ? bids[^1].Cumulative.Satoshis : 0, asks.Count > 0 ? asks[^1].Cumulative.Satoshis : 0);

        // Asks above bids, the best of both next to the spread in the middle.
        for (var i = layout.Levels - 1; i >= 0; i--)
        {
            AddLevel(table, layout, i < asks.Count ? asks[i] : null, deepest, "red");
        }
        var spread = bids.Count > 0 && asks.Count > 0 ? $"spread {Formats.Of(asks[0].Price - bids[0].Price)}" : "spread -";
        // The spread sits in the bar column, or under the prices when there are no bars.
        var spreadCell = new Markup($"[grey]{spread}[/]");
        IRenderable[] middle = layout.BarWidth > 0
            ? [new Markup(string.Empty), new Markup(string.Empty), new Markup(string.Empty), spreadCell]
            : [spreadCell, new Markup(string.Empty), new Markup(string.Empty)];
        table.AddRow(middle);
        for (var i = 0; i < layout.Levels; i++)
        {
            AddLevel(table, layout, i < bids.Count ? bids[i] : null, deepest, "green");
        }
        return table;
    }

    private static void AddLevel(Table table, LiveLayout layout, BookLevel? level, long deepest, string colour)
    {
        var cells = new List<IRenderable>();
        if (level is { } l)
        {
            cells.Add(new Markup($"[{colour}]{Formats.Of(l.Price)}[/]"));
            cells.Add(new Markup(Formats.Of(l.Size)));
            cells.Add(new Markup(Formats.Of(l.Cumulative)));
            if (layout.BarWidth > 0)
            {
                var width = deepest == 0 ? 0 : (int)Math.Max(1, Math.Round((double)l.Cumulative.Satoshis / deepest * layout.BarWidth));
                cells.Add(new Markup($"[{colour}]{new string('█', width)}[/]"));
            }
        }
        else
        {
            cells.AddRange(Enumerable.Range(0, layout.BarWidth > 0 ? 4 : 3).Select(_ => new Markup(string.Empty)));
        }
        table.AddRow(cells);
    }

    private static Table Trades(MarketSnapshot snapshot, LiveLayout layout)
    {
        var table = SmallTable("latest trades", layout.AllColumns ? ["time (UTC)", "taker", "price", "size"] : ["taker", "price", "size"]);
        foreach (var trade in snapshot.RecentTrades.Take(layout.Rows))
        {
            var colour = trade.AggressorSide == Side.Buy ? "green" : "red";
            var cells = new List<IRenderable>();
            if (layout.AllColumns)
            {
                cells.Add(new Markup(trade.Time?.ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "-"));
            }
            cells.Add(new Markup($"[{colour}]{(trade.AggressorSide == Side.Buy ? "buy" : "sell")}[/]"));
            cells.Add(new Markup(Formats.Of(trade.Price)));
            cells.Add(new Markup(Formats.Of(trade.Size)));
            table.AddRow(cells);
        }
        return Pad(table, layout.Rows);
    }

    private static Table Balances(MarketSnapshot snapshot, LiveLayout layout)
    {
        var table = SmallTable("your balances", layout.AllColumns ? ["currency", "available", "locked", "total"] : ["currency", "available", "locked"]);
        foreach (var (currency, isFiat) in new[] { (snapshot.BaseCurrency, false), (snapshot.QuoteCurrency, true) })
        {
            var balance = snapshot.Balances?.Get(currency);
            var cells = new List<string> { Markup.Escape(currency), Formats.Of(balance?.Available, isFiat), Formats.Of(balance?.Locked, isFiat) };
            if (layout.AllColumns)
            {
                cells.Add(Formats.Of(balance?.Total, isFiat));
            }
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    private const int MaxOpenOrderRows = 5;

    private static Table OpenOrders(MarketSnapshot snapshot, LiveLayout layout)
    {
        var rows = Math.Min(layout.Rows, MaxOpenOrderRows);
        var table = SmallTable("your open orders", layout.AllColumns ? ["order", "side", "price", "qty", "filled", "status"] : ["side", "price", "qty", "status"]);
        foreach (var order in snapshot.OpenOrders.Take(rows))
        {
            var cells = new List<string>();
            if (layout.AllColumns)
            {
                cells.Add(order.OrderID.ToString(CultureInfo.InvariantCulture));
            }
            cells.AddRange([order.Side.ToString(), Formats.Of(order.Price), Formats.Of(order.OrderQty)]);
            if (layout.AllColumns)
            {
                cells.Add(Formats.Of(order.CumQty));
            }
            cells.Add(order.OrdStatus.ToString());
            table.AddRow(cells.ToArray());
        }
        if (snapshot.OpenOrders.Count == 0 && rows > 0)
        {
            table.AddRow(new[] { "[grey]none[/]" }.Concat(Enumerable.Repeat(string.Empty, table.Columns.Count - 1)).ToArray());
        }
        return Pad(table, rows);
    }

    private static Table ExecutionReports(MarketSnapshot snapshot, LiveLayout layout)
    {
        // Compact: the order's status, coloured by what happened, stands for the exec type.
        var table = SmallTable("your execution reports", layout.AllColumns
            ? ["exec", "side", "qty@price", "status", "cum", "leaves", "order"]
            : ["qty@price", "status"]);
        foreach (var report in snapshot.RecentExecutionReports.Take(layout.Rows))
        {
            var colour = report.ExecType == ExecType.Rejected ? "red" : report.ExecType == ExecType.Cancelled ? "yellow" : "white";
            var cells = new List<IRenderable>();
            if (layout.AllColumns)
            {
                cells.Add(new Markup($"[{colour}]{report.ExecType}[/]"));
                cells.Add(new Markup(report.Side.ToString()));
            }
            cells.Add(new Markup($"{Formats.Of(report.OrderQty)}@{Formats.Of(report.Price)}"));
            cells.Add(new Markup(layout.AllColumns ? report.OrdStatus.ToString() : $"[{colour}]{report.OrdStatus}[/]"));
            if (layout.AllColumns)
            {
                cells.Add(new Markup(Formats.Of(report.CumQty)));
                cells.Add(new Markup(Formats.Of(report.LeavesQty)));
                cells.Add(new Markup(report.OrderID.ToString(CultureInfo.InvariantCulture)));
            }
            table.AddRow(cells);
        }
        return Pad(table, layout.Rows);
    }

    private static Table SmallTable(string title, string[] columns)
    {
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle(title) };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(column).NoWrap());
        }
        return table;
    }

    // A table keeps its height whatever it holds, so the layout chosen for a terminal size stays valid.
    private static Table Pad(Table table, int rows)
    {
        while (table.Rows.Count < rows)
        {
            table.AddRow(Enumerable.Repeat(string.Empty, table.Columns.Count).ToArray());
        }
        return table;
    }
}
