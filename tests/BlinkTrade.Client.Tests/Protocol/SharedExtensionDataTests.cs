using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// Reports read from the exchange's compact frames point at one shared <c>TransactTime</c> property instead of each
/// holding a dictionary (task 18zc): still, every record's <see cref="ProtocolRecord.ExtensionData"/> is its own — a
/// change through one record (or a <see langword="with"/> copy) never shows through another —, reading it changes
/// neither equality nor hash code, and what was parsed serializes back with its <c>TransactTime</c>.
/// </summary>
public sealed class SharedExtensionDataTests
{
    private const string Report =
        """{"MsgType":"8","OrderID":1,"ClOrdID":"7","ExecID":2,"ExecType":"1","OrdStatus":"1","ExecSide":"1","Symbol":"BTCUSD","Side":"1","OrdType":"2","TimeInForce":"1","OrderQty":80000000,"Price":62100000000,"LastShares":50000000,"LastPx":62000000000,"LeavesQty":30000000,"CumQty":50000000,"CxlQty":0,"AvgPx":62000000000,"OrderDate":"2026-12-05 00:40:12","Volume":31000000000,"TransactTime":"2026-12-05 00:40:13"}""";

    private static ExecutionReport Parse() => (ExecutionReport)ProtocolSerializer.Deserialize(Encoding.UTF8.GetBytes(Report));

    [Fact]
    public void Two_reports_of_one_frame_share_the_property_not_the_dictionary()
    {
        var first = Parse();
        var second = Parse();
        Assert.IsType<WireExtensionProperty>(first.WireExtension);
        Assert.IsType<WireExtensionProperty>(second.WireExtension);

        first.ExtensionData!["TransactTime"] = JsonElement.Parse("\"2000-01-01 00:00:00\"");
        first.ExtensionData.Add("Other", JsonElement.Parse("1"));
        Assert.NotSame(first.ExtensionData, second.ExtensionData);
        Assert.Equal("2026-12-05 00:40:13", second.ExtensionData!["TransactTime"].GetString());
        Assert.Single(second.ExtensionData);
        Assert.Equal("2026-12-05 00:40:13", Parse().ExtensionData!["TransactTime"].GetString());

        second.ExtensionData.Clear();
        Assert.Empty(second.ExtensionData);
        Assert.Equal("2026-12-05 00:40:13", Parse().ExtensionData!["TransactTime"].GetString());
    }

    [Fact]
    public void A_with_copy_of_an_unchanged_report_has_extension_data_of_its_own()
    {
        var original = Parse();
        _ = original.ExtensionData!.Count;
        var copy = original with { };
        Assert.Equal(original, copy);
        copy.ExtensionData!.Remove("TransactTime");
        Assert.Equal("2026-12-05 00:40:13", original.ExtensionData["TransactTime"].GetString());
        Assert.NotEqual(original, copy);

        // A dictionary that was set (or changed) is shared by a copy, as records share reference members.
        var changed = Parse();
        changed.ExtensionData!.Add("Other", JsonElement.Parse("1"));
        Assert.Same(changed.ExtensionData, (changed with { }).ExtensionData);
    }

    [Fact]
    public void Reading_extension_data_changes_neither_equality_nor_hash_code()
    {
        var first = Parse();
        var second = Parse();
        Assert.Equal(first, second);
        var hash = first.GetHashCode();
        Assert.Equal(hash, second.GetHashCode());

        Assert.Equal("2026-12-05 00:40:13", first.ExtensionData!["TransactTime"].GetString());
        Assert.Equal(first, second);
        Assert.Equal(second, first);
        Assert.Equal(hash, first.GetHashCode());

        first.ExtensionData["TransactTime"] = JsonElement.Parse("\"2000-01-01 00:00:00\"");
        Assert.NotEqual(first, second);
        Assert.NotEqual(second with { ExtensionData = null }, second);
        Assert.Equal(second with { ExtensionData = null }, first with { ExtensionData = null });
    }

    [Fact]
    public void What_was_parsed_serializes_back_with_its_TransactTime()
    {
        var report = Parse();
        Assert.Equal(Report, ProtocolSerializer.SerializeToString(report));
        Assert.IsType<WireExtensionProperty>(report.WireExtension);

        _ = report.ExtensionData;
        Assert.Equal(Report, ProtocolSerializer.SerializeToString(report));
        report.ExtensionData!["TransactTime"] = JsonElement.Parse("\"2026-12-05 00:40:14\"");
        Assert.Equal(Report.Replace("00:40:13", "00:40:14", StringComparison.Ordinal), ProtocolSerializer.SerializeToString(report));
        Assert.Contains("ExtensionData = [TransactTime]", Parse().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Readers_racing_on_a_report_get_one_dictionary()
    {
        var reports = Enumerable.Range(0, 2000).Select(_ => Parse()).ToArray();
        var seen = new IDictionary<string, JsonElement>?[2, reports.Length];
        Parallel.For(0, 2, side =>
        {
            for (var i = 0; i < reports.Length; i++)
            {
                seen[side, i] = reports[i].ExtensionData;
            }
        });
        for (var i = 0; i < reports.Length; i++)
        {
            Assert.Same(seen[0, i], seen[1, i]);
            Assert.Same(seen[0, i], reports[i].ExtensionData);
        }
    }

    [Fact]
    public void A_volume_entry_reads_its_currencies_without_a_dictionary()
    {
        var x = (MarketDataIncrementalRefresh)ProtocolSerializer.Deserialize(
            """{"MsgType":"X","MDBkTyp":"3","MDIncGrp":[{"MDUpdateAction":"0","MDEntryType":"4","Symbol":"BTCUSD","BTC":150000000}]}"""u8.ToArray());
        var entry = x.MDIncGrp![0];
        Assert.IsType<WireExtensionProperty>(entry.WireExtension);
        Assert.Equal(Amount.FromSatoshis(150_000_000), entry.VolumeOf("BTC"));
        Assert.Null(entry.VolumeOf("USD"));
        Assert.IsType<WireExtensionProperty>(entry.WireExtension);
    }
}
