using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// The direct column-oriented writer (<see cref="RecordColumns{TRow}"/> tables behind <c>ColumnarLists.Write</c>) and the
/// entity reports written from the same tables: byte for byte the serializer's object form reshaped (the former writer,
/// still the fallback), for every list type, with every member set, with members null in some or in all rows.
/// </summary>
public sealed class ColumnarWriterTests
{
    public static TheoryData<string> ListTypes => [.. Lists().Keys];

    [Fact]
    public void Every_table_matches_its_row_metadata()
    {
        foreach (var (rowType, table) in RecordColumnTables.All)
        {
            var isValid = (bool)table.GetType().GetProperty(nameof(RecordColumns<Deposit>.IsValid))!.GetValue(table)!;
            Assert.True(isValid, rowType.Name);
        }
        Assert.Equal(8, RecordColumnTables.All.Count);
    }

    [Theory]
    [MemberData(nameof(ListTypes))]
    public void Direct_writer_writes_the_former_writers_bytes_and_they_read_back(string listType)
    {
        var (rowGroup, build) = Lists()[listType];
        foreach (var message in new[] { build(Rows(build, full: true)), build(Rows(build, full: false)), build(EmptyRows(build)) })
        {
            var direct = Encoding.UTF8.GetString(ProtocolSerializer.SerializeToUtf8Bytes(message));
            var reshaped = Reshaped(message, rowGroup);
            Assert.Equal(reshaped, direct);
            Assert.Contains("\"Columns\":[", direct, StringComparison.Ordinal);

            var read = ProtocolSerializer.Deserialize(Encoding.UTF8.GetBytes(direct));
            Assert.Equal(message.GetType(), read.GetType());
            Assert.Equal(direct, ProtocolSerializer.SerializeToString(read));
        }
    }

    [Fact]
    public void A_column_no_row_has_is_left_out_and_a_row_lacking_one_writes_null()
    {
        var message = new OrdersListResponse
        {
            OrdersReqID = 4,
            OrdListGrp = [new OrderListEntry { ClOrdID = "a", OrderID = 1 }, new OrderListEntry { OrderID = 2, Volume = Amount.FromSatoshis(7) }],
        };
        var json = ProtocolSerializer.SerializeToString(message);
        Assert.Equal(Reshaped(message, "OrdListGrp"), json);
        Assert.Contains("""["ClOrdID","OrderID","CumQty","OrdStatus","LeavesQty","CxlQty","AvgPx","Side","OrdType","OrderQty","Price","Volume"]""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Symbol", json, StringComparison.Ordinal);
        Assert.Contains("""[null,2,""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_with_unknown_fields_and_null_groups_are_written_as_before()
    {
        var withExtension = new LedgerListResponse
        {
            LedgerListReqID = 9,
            LedgerListGrp = [new LedgerEntry { LedgerID = 1, ExtensionData = new Dictionary<string, JsonElement> { ["Shiny"] = JsonDocument.Parse("[1]").RootElement } }],
        };
        Assert.Equal(Reshaped(withExtension, "LedgerListGrp"), ProtocolSerializer.SerializeToString(withExtension));

        var noRows = new OrdersListResponse { OrdersReqID = 3, Page = 1, PageSize = 20 };
        Assert.Equal(Reshaped(noRows, "OrdListGrp"), ProtocolSerializer.SerializeToString(noRows));
    }

    [Fact]
    public void Entity_reports_write_the_documents_bytes()
    {
        foreach (var full in new[] { true, false })
        {
            var deposit = (Deposit)Populate(typeof(Deposit), 1, full);
            var withdrawal = (Withdrawal)Populate(typeof(Withdrawal), 2, full);
            (BlinkTradeMessage Message, string Header, object Entity)[] cases =
            [
                (new DepositResponse { DepositReqID = 31, Deposit = deposit }, "\"MsgType\":\"U19\",\"DepositReqID\":31", deposit),
                (new DepositRefresh { Deposit = deposit }, "\"MsgType\":\"U23\"", deposit),
                (new WithdrawResponse { WithdrawReqID = 32, Withdrawal = withdrawal }, "\"MsgType\":\"U7\",\"WithdrawReqID\":32", withdrawal),
                (new WithdrawRefresh { Withdrawal = withdrawal }, "\"MsgType\":\"U9\"", withdrawal),
            ];
            foreach (var (message, header, entity) in cases)
            {
                // The serializer's own output for the entity, after the envelope: what the document path copied.
                var body = entity is Deposit d
                    ? JsonSerializer.Serialize(d, ProtocolJsonContext.Default.Deposit)
                    : JsonSerializer.Serialize((Withdrawal)entity, ProtocolJsonContext.Default.Withdrawal);
                var expected = "{" + header + (body == "{}" ? string.Empty : "," + body[1..^1]) + "}";
                var json = ProtocolSerializer.SerializeToString(message);
                Assert.Equal(expected, json);
                Assert.Equal(json, ProtocolSerializer.SerializeToString(ProtocolSerializer.Deserialize(Encoding.UTF8.GetBytes(json))));
            }
        }
    }

    // The former writers, still in the code as the fallback: the object form reshaped; the entity through a document.
    private static string Reshaped(BlinkTradeMessage message, string rowGroup)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ColumnarLists.WriteByReshaping(writer, message, ProtocolJsonContext.Default.GetTypeInfo(message.GetType())!, rowGroup);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Dictionary<string, (string RowGroup, Func<Array, BlinkTradeMessage> Build)> Lists() => new()
    {
        ["U5"] = ("OrdListGrp", rows => new OrdersListResponse { OrdersReqID = 5, Page = 0, PageSize = 3, OrdListGrp = (OrderListEntry[])rows }),
        ["U33"] = ("TradeHistoryGrp", rows => new TradeHistoryResponse { TradeHistoryReqID = 33, TradeHistoryGrp = (TradeHistoryEntry[])rows }),
        ["U35"] = ("LedgerListGrp", rows => new LedgerListResponse { LedgerListReqID = 35, Page = 1, PageSize = 3, LedgerListGrp = (LedgerEntry[])rows }),
        ["U37"] = ("TradersRankGrp", rows => new TradersRankResponse { TradersRankReqID = 37, TradersRankGrp = (TradersRankEntry[])rows }),
        ["U31"] = ("DepositListGrp", rows => new DepositListResponse { DepositListReqID = 31, DepositListGrp = (Deposit[])rows }),
        ["U27"] = ("WithdrawListGrp", rows => new WithdrawListResponse { WithdrawListReqID = 27, WithdrawListGrp = (Withdrawal[])rows }),
        ["U29"] = ("BrokerListGrp", rows => new BrokerListResponse { BrokerListReqID = 29, BrokerListGrp = (BrokerInfo[])rows }),
        ["U51"] = ("ApiKeyListGrp", rows => new ApiKeyListResponse { APIKeyListReqID = 51, ApiKeyListGrp = (ApiKeyListEntry[])rows }),
    };

    private static Type RowType(Func<Array, BlinkTradeMessage> build)
    {
        // The row type is the element type of the group the builder casts to: found by trying each table's row type.
        foreach (var rowType in RecordColumnTables.All.Keys)
        {
            try
            {
                build(Array.CreateInstance(rowType, 0));
                return rowType;
            }
            catch (InvalidCastException)
            {
            }
        }
        throw new InvalidOperationException("No row type fits.");
    }

    private static Array EmptyRows(Func<Array, BlinkTradeMessage> build) => Array.CreateInstance(RowType(build), 0);

    // Three rows: every member set with distinct values (full), or some members null in some rows and one in all.
    private static Array Rows(Func<Array, BlinkTradeMessage> build, bool full)
    {
        var rowType = RowType(build);
        var rows = Array.CreateInstance(rowType, 3);
        for (var i = 0; i < 3; i++)
        {
            rows.SetValue(Populate(rowType, i, full), i);
        }
        return rows;
    }

    private static object Populate(Type rowType, int row, bool full)
    {
        var instance = Activator.CreateInstance(rowType)!;
        var properties = rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != nameof(ProtocolRecord.ExtensionData)).ToArray();
        for (var k = 0; k < properties.Length; k++)
        {
            var property = properties[k];
            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null || !property.PropertyType.IsValueType;
            // Partial rows: every third member left out in row 0 (they join the columns after the others, when a later
            // row has them), every other one in row 1; the last nullable member left out in every row.
            if (!full && nullable && ((row % 3 == 0 && k % 3 == 0) || (row % 3 == 1 && k % 2 == 0) || k == properties.Length - 1))
            {
                continue;
            }
            property.SetValue(instance, Value(property.PropertyType, (row * 100) + k));
        }
        return instance;
    }

    private static object Value(Type type, int k)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "s" + k.ToString(CultureInfo.InvariantCulture);
        }
        if (type == typeof(long))
        {
            return 1_000_000_000_000L + k;
        }
        if (type == typeof(int))
        {
            return 10 + k;
        }
        if (type == typeof(bool))
        {
            return k % 2 == 0;
        }
        if (type == typeof(decimal))
        {
            return k + 0.25m;
        }
        if (type == typeof(DateTime))
        {
            return new DateTime(2026, 12, 5, 1, 2, 3, DateTimeKind.Utc).AddSeconds(k);
        }
        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse($$"""{"k":{{k}},"t":"x"}""").RootElement;
        }
        if (type == typeof(IReadOnlyList<string>))
        {
            return new[] { "10.0.0." + k.ToString(CultureInfo.InvariantCulture), "::1" };
        }
        if (type == typeof(PermissionList))
        {
            return new PermissionList().Allow("D").Allow("F");
        }
        if (type.GetMethod("FromSatoshis", [typeof(long)]) is { IsStatic: true } fromSatoshis)
        {
            return fromSatoshis.Invoke(null, [100_000_000L * k + 1])!;
        }
        if (type.GetConstructor([typeof(string)]) is { } wire)
        {
            return wire.Invoke([(k % 9).ToString(CultureInfo.InvariantCulture)]);
        }
        throw new InvalidOperationException($"No test value for {type}.");
    }
}
