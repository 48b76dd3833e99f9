namespace BlinkTrade.Quickstart.View;

/// <summary>
/// How much the live view shows: book levels per side, optional columns and which sections of the right-hand side.
/// <see cref="LiveView"/> picks the richest layout whose drawing fits the terminal, so a small terminal gets fewer
/// levels and rows — never a squeezed column that would wrap or cut a number.
/// </summary>
/// <param name="Levels">Price levels per book side.</param>
/// <param name="BarWidth">Width of the depth bars; 0 drops the column.</param>
/// <param name="AllColumns">Whether the optional columns are shown (trade time, order ids, cumulative quantities…).</param>
/// <param name="Stacked">The right-hand sections below the book instead of beside it (very narrow terminals).</param>
/// <param name="Rows">Rows of the trades and execution-report tables (open orders: at most 5).</param>
/// <param name="ShowTrades">Whether the latest trades are shown.</param>
/// <param name="ShowOrders">Whether the open orders are shown.</param>
/// <param name="ShowReports">Whether the execution reports are shown.</param>
internal readonly record struct LiveLayout(int Levels, int BarWidth, bool AllColumns, bool Stacked, int Rows, bool ShowTrades, bool ShowOrders, bool ShowReports)
{
    /// <summary>The most levels per side.</summary>
    public const int MaxLevels = 10;

    /// <summary>The most trade and report rows.</summary>
    public const int MaxRows = 6;

    /// <summary>Everything, for a large terminal.</summary>
    public static LiveLayout Richest => Candidates().First();

    /// <summary>The book's shapes, widest first: depth-bar width, optional columns, right-hand side stacked below.</summary>
    public static IReadOnlyList<(int Bar, bool AllColumns, bool Stacked)> Shapes { get; } =
        [(24, true, false), (12, true, false), (10, false, false), (0, false, false), (0, false, true)];

    /// <summary>The right-hand side's choices, richest first. Balances are always shown; then execution reports (the
    /// demo order's New and Cancelled), trades, open orders.</summary>
    public static IReadOnlyList<(int Rows, bool Trades, bool Orders, bool Reports)> RightSides { get; } =
    [
        (6, true, true, true), (4, true, true, true), (3, true, true, true), (3, true, false, true), (2, true, false, true),
        (3, false, false, true), (2, false, false, true), (1, false, false, true), (0, false, false, false),
    ];

    /// <summary>Every layout, richest first: the right-hand side shrinks last, then the book's shape narrows (bars
    /// and optional columns go before a section does), then levels go, down to three per side; one or two levels
    /// only for a terminal too small for anything else.</summary>
    /// <returns>The layouts in order of preference.</returns>
    public static IEnumerable<LiveLayout> Candidates()
    {
        foreach (var (rows, trades, orders, reports) in RightSides)
        {
            foreach (var (bar, all, stacked) in Shapes)
            {
                for (var levels = MaxLevels; levels >= 3; levels--)
                {
                    yield return new LiveLayout(levels, bar, all, stacked, rows, trades, orders, reports);
                }
            }
        }
        foreach (var (bar, all, stacked) in Shapes)
        {
            for (var levels = 2; levels >= 1; levels--)
            {
                yield return new LiveLayout(levels, bar, all, stacked, 0, false, false, false);
            }
        }
    }
}
