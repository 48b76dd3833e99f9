using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>
/// Checks the engine's invariants after every command, independently of its internals: money is conserved, no balance
/// goes negative, locks equal what the open orders imply, the book is sorted, uncrossed and FIFO, every report is
/// consistent, and a market-data replica fed only with the book events equals the engine's visible book.
/// </summary>
internal sealed class EngineInvariantChecker
{
    private readonly MatchingEngine _engine;
    private readonly Dictionary<string, long> _expectedCirculation = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Symbol, Side Side), List<BookEntry>> _replica = [];
    private readonly Dictionary<long, long> _bookArrival = [];
    private long _lastExecId;
    private long _step;

    public EngineInvariantChecker(MatchingEngine engine)
    {
        _engine = engine;
        foreach (var currency in engine.Accounts.Currencies)
        {
            _expectedCirculation[currency] = engine.Accounts.TotalInCirculation(currency);
        }

        foreach (var instrument in engine.Instruments)
        {
            _replica[(instrument.Symbol, Side.Buy)] = [.. engine.GetBook(instrument.Symbol, Side.Buy)];
            _replica[(instrument.Symbol, Side.Sell)] = [.. engine.GetBook(instrument.Symbol, Side.Sell)];
        }
    }

    public long ReportsChecked { get; private set; }

    /// <summary>Money entered or left the exchange (deposit credited, withdrawal paid out).</summary>
    public void ExpectCirculationChange(string currency, long delta) =>
        _expectedCirculation[currency] = _expectedCirculation.GetValueOrDefault(currency) + delta;

    public void AfterCommand()
    {
        _step++;
        CheckReports();
        ApplyBookEvents();
        CheckBooks();
        CheckBalances();
    }

    private void CheckReports()
    {
        foreach (ref readonly var report in _engine.Events.ExecutionReports)
        {
            ReportsChecked++;
            Assert.True(report.ExecId > _lastExecId, "ExecIDs must increase");
            _lastExecId = report.ExecId;
            Assert.Equal(report.OrderQty, report.CumQty + report.LeavesQty + report.CxlQty);
            var isFill = report.ExecType is ExecType.PartiallyFilled or ExecType.Filled;
            if (!isFill)
            {
                Assert.Equal((0L, 0L), (report.LastPx, report.LastShares));
            }
            else
            {
                Assert.True(report.LastShares > 0 && report.LastPx > 0);
                Assert.True(report.AvgPx > 0);
            }

            if (report.ExecType == ExecType.Rejected)
            {
                Assert.NotEqual(OrderRejectReason.None, report.OrdRejReason);
            }
            else
            {
                Assert.Equal(OrderRejectReason.None, report.OrdRejReason);
                Assert.True(report.LeavesQty >= 0 && report.CumQty >= 0 && report.CxlQty >= 0);
            }
        }
    }

    private void ApplyBookEvents()
    {
        foreach (ref readonly var e in _engine.Events.BookEvents)
        {
            var side = _replica[(e.Symbol, e.Side)];
            switch (e.Action)
            {
                case BookUpdateAction.New:
                    Assert.InRange(e.Position, 1, side.Count + 1);
                    side.Insert(e.Position - 1, new BookEntry(e.Position, e.Price, e.Quantity, e.OrderId, e.BrokerId, e.UserId, e.OrderTimestamp));
                    _bookArrival[e.OrderId] = _step;
                    break;
                case BookUpdateAction.Update:
                    Assert.Equal(e.OrderId, side[e.Position - 1].OrderId);
                    side[e.Position - 1] = side[e.Position - 1] with { Quantity = e.Quantity };
                    break;
                case BookUpdateAction.Delete:
                    Assert.Equal(e.OrderId, side[e.Position - 1].OrderId);
                    side.RemoveAt(e.Position - 1);
                    break;
                case BookUpdateAction.DeleteThru:
                    Assert.InRange(e.Position, 1, side.Count);
                    side.RemoveRange(0, e.Position);
                    break;
                default:
                    Assert.Fail($"Unknown action {e.Action}");
                    break;
            }
        }
    }

    private void CheckBooks()
    {
        foreach (var instrument in _engine.Instruments)
        {
            var bids = _engine.GetBook(instrument.Symbol, Side.Buy);
            var asks = _engine.GetBook(instrument.Symbol, Side.Sell);
            if (bids.Count > 0 && asks.Count > 0)
            {
                Assert.True(bids[0].Price < asks[0].Price, "The book must never be crossed");
            }

            CheckSide(bids, _replica[(instrument.Symbol, Side.Buy)], descending: true);
            CheckSide(asks, _replica[(instrument.Symbol, Side.Sell)], descending: false);
        }
    }

    private void CheckSide(IReadOnlyList<BookEntry> book, List<BookEntry> replica, bool descending)
    {
        Assert.Equal(book.Count, replica.Count);
        for (var i = 0; i < book.Count; i++)
        {
            Assert.Equal((book[i].OrderId, book[i].Price, book[i].Quantity), (replica[i].OrderId, replica[i].Price, replica[i].Quantity));
            Assert.True(book[i].Quantity > 0);
            if (i > 0)
            {
                var previous = book[i - 1];
                Assert.True(descending ? previous.Price >= book[i].Price : previous.Price <= book[i].Price, "Price priority");
                if (previous.Price == book[i].Price)
                {
                    Assert.True(_bookArrival[previous.OrderId] <= _bookArrival[book[i].OrderId], "FIFO inside a price level");
                }
            }
        }
    }

    private void CheckBalances()
    {
        var accounts = _engine.Accounts;
        foreach (var currency in accounts.Currencies)
        {
            Assert.Equal(_expectedCirculation.GetValueOrDefault(currency), accounts.TotalInCirculation(currency));
        }

        var pending = accounts.PendingWithdrawals.ToList();
        foreach (var (broker, user) in accounts.AccountIds)
        {
            var implied = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var order in _engine.GetOpenOrders(broker, user))
            {
                var instrument = _engine.Instruments.Single(i => i.Symbol == order.Symbol);
                var (currency, amount) = order.Side == Side.Sell
                    ? (instrument.Config.BaseCurrency, order.LeavesQty)
                    : (instrument.Config.QuoteCurrency, order.OrderType is OrderType.Limit or OrderType.StopLimit
                        ? (long)((Int128)order.Price * order.LeavesQty / 100_000_000)
                        : 0);
                implied[currency] = implied.GetValueOrDefault(currency) + amount;
            }

            foreach (var withdrawal in pending.Where(w => w.BrokerId == broker && w.UserId == user))
            {
                implied[withdrawal.Currency] = implied.GetValueOrDefault(withdrawal.Currency) + withdrawal.Amount + withdrawal.Fee;
            }

            foreach (var (currency, balance) in accounts.GetBalances(broker, user))
            {
                Assert.True(balance.Locked >= 0, $"negative locked {currency} of {user}");
                Assert.True(balance.Available >= 0, $"negative available {currency} of {user}");
                Assert.Equal(implied.GetValueOrDefault(currency), balance.Locked);
            }
        }
    }
}
