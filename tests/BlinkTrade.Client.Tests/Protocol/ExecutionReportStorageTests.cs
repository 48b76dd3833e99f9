using System.Text;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// <see cref="ExecutionReport"/> is stored packed (enumerations as bytes, rare members apart): every member still reads
/// back what was set, unknown enumeration values survive, equality and <c>with</c> behave as for a plain record, and a
/// parse stays within the client's allocation budget.
/// </summary>
public sealed class ExecutionReportStorageTests
{
    private static readonly byte[] Frame =
        """{"MsgType":"8","OrderID":1459028830990,"ClOrdID":"7302190","ExecID":741402,"ExecType":"1","OrdStatus":"1","ExecSide":"1","Symbol":"BTCUSD","Side":"1","OrdType":"2","TimeInForce":"1","OrderQty":80000000,"Price":62100000000,"LastShares":50000000,"LastPx":62000000000,"LeavesQty":30000000,"CumQty":50000000,"CxlQty":0,"AvgPx":62000000000}"""u8.ToArray();

    [Fact]
    public void Every_member_reads_back_what_was_set()
    {
        var date = new DateTime(2026, 12, 5, 3, 4, 5, DateTimeKind.Utc);
        var report = new ExecutionReport
        {
            OrderID = 1, ClOrdID = "c", ExecID = 2, ExecType = ExecType.Filled, OrdStatus = OrdStatus.Filled, ExecSide = Side.Sell,
            Symbol = "BTCUSD", Side = Side.Buy, OrdType = OrdType.StopLimit, TimeInForce = TimeInForce.ImmediateOrCancel,
            OrderQty = Quantity.FromSatoshis(3), Price = Price.FromSatoshis(4), StopPx = Price.FromSatoshis(5), LastShares = Quantity.FromSatoshis(6),
            LastPx = Price.FromSatoshis(7), LeavesQty = Quantity.FromSatoshis(8), CumQty = Quantity.FromSatoshis(9), CxlQty = Quantity.FromSatoshis(10),
            AvgPx = Price.FromSatoshis(11), OrdRejReason = OrdRejReason.UnknownSymbol, Text = "t", ExecInst = ExecInst.PostOnly,
            OrderDate = date, Volume = Amount.FromSatoshis(12), IsSynthesized = true,
        };
        Assert.Equal((1L, "c", 2L, ExecType.Filled, OrdStatus.Filled, Side.Sell, "BTCUSD", Side.Buy, OrdType.StopLimit),
            (report.OrderID, report.ClOrdID, report.ExecID, report.ExecType, report.OrdStatus, report.ExecSide, report.Symbol, report.Side, report.OrdType));
        Assert.Equal(TimeInForce.ImmediateOrCancel, report.TimeInForce);
        Assert.Equal(Price.FromSatoshis(5), report.StopPx);
        Assert.Equal(OrdRejReason.UnknownSymbol, report.OrdRejReason);
        Assert.Equal("t", report.Text);
        Assert.Equal(ExecInst.PostOnly, report.ExecInst);
        Assert.Equal(date, report.OrderDate);
        Assert.Equal(Amount.FromSatoshis(12), report.Volume);
        Assert.True(report.IsSynthesized);

        var cleared = report with { StopPx = null, OrdRejReason = null, Text = null, ExecInst = null, OrderDate = null, Volume = null, IsSynthesized = false, TimeInForce = null };
        Assert.Null(cleared.StopPx);
        Assert.Null(cleared.OrdRejReason);
        Assert.Null(cleared.Text);
        Assert.Null(cleared.ExecInst);
        Assert.Null(cleared.OrderDate);
        Assert.Null(cleared.Volume);
        Assert.Null(cleared.TimeInForce);
        Assert.False(cleared.IsSynthesized);
        Assert.Equal("t", report.Text); // the original is untouched
        Assert.Equal(new ExecutionReport
        {
            OrderID = 1, ClOrdID = "c", ExecID = 2, ExecType = ExecType.Filled, OrdStatus = OrdStatus.Filled, ExecSide = Side.Sell,
            Symbol = "BTCUSD", Side = Side.Buy, OrdType = OrdType.StopLimit,
            OrderQty = Quantity.FromSatoshis(3), Price = Price.FromSatoshis(4), LastShares = Quantity.FromSatoshis(6),
            LastPx = Price.FromSatoshis(7), LeavesQty = Quantity.FromSatoshis(8), CumQty = Quantity.FromSatoshis(9), CxlQty = Quantity.FromSatoshis(10),
            AvgPx = Price.FromSatoshis(11),
        }, cleared);
    }

    [Fact]
    public void Defaults_and_unknown_values_are_kept_apart()
    {
        var report = new ExecutionReport { TimeInForce = default(TimeInForce), ExecType = new ExecType("Z"), Side = new Side("9"), OrdType = default };
        Assert.Equal(default(TimeInForce), report.TimeInForce);
        Assert.NotNull(report.TimeInForce);
        Assert.Null(new ExecutionReport().TimeInForce);
        Assert.Equal("Z", report.ExecType.Value);
        Assert.False(report.ExecType.IsKnown);
        Assert.Equal("9", report.Side.Value);
        Assert.Equal(default, report.OrdType);
        Assert.NotEqual(report, report with { ExecType = new ExecType("Y") });
        Assert.Equal(report, report with { ExecType = new ExecType("Z") });
        Assert.Equal(new ExecutionReport(), new ExecutionReport { ExecType = new ExecType("Z") } with { ExecType = default });

        var frame = Encoding.UTF8.GetString(Frame).Replace("\"ExecType\":\"1\"", "\"ExecType\":\"Q\"", StringComparison.Ordinal);
        var parsed = (ExecutionReport)ProtocolSerializer.Deserialize(Encoding.UTF8.GetBytes(frame));
        Assert.Equal("Q", parsed.ExecType.Value);
        Assert.Equal(frame, ProtocolSerializer.SerializeToString(parsed));
    }

    [Fact]
    public void A_parse_allocates_at_most_200_bytes()
    {
        var perParse = AllocatedPerParse(Frame);
        Assert.True(perParse <= 200, $"{perParse} B per parse");
    }

    // The exchange's own 8 also carries OrderDate, Volume and TransactTime (extension data): the record and its ClOrdID
    // only; the record points at the cached TransactTime property until its ExtensionData is read (task 18zc: 224 B with
    // a WireExtensionData per report, 432 B with a Dictionary before task 18x).
    [Fact]
    public void The_exchange_own_report_with_its_TransactTime_allocates_at_most_200_bytes()
    {
        var frame = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Frame).Replace("}", ""","OrderDate":"2026-12-05 00:40:12","Volume":31000000000,"TransactTime":"2026-12-05 00:40:13"}""", StringComparison.Ordinal));
        var report = (ExecutionReport)ProtocolSerializer.Deserialize(frame);
        Assert.Equal("2026-12-05 00:40:13", report.ExtensionData!["TransactTime"].GetString());
        Assert.Equal(Amount.FromSatoshis(31_000_000_000), report.Volume);
        var perParse = AllocatedPerParse(frame);
        Assert.True(perParse <= 200, $"{perParse} B per parse");
    }

    // Bytes allocated per parse of the frame on this thread, after a warm-up.
    private static long AllocatedPerParse(byte[] frame)
    {
        for (var i = 0; i < 100; i++)
        {
            ProtocolSerializer.Deserialize(frame);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        const int Count = 1000;
        for (var i = 0; i < Count; i++)
        {
            ProtocolSerializer.Deserialize(frame);
        }
        return (GC.GetAllocatedBytesForCurrentThread() - before) / Count;
    }
}
