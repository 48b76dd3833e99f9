using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>Every example of the session, orders, market-data, profile and brokers groups parses to its record with
/// every field modelled, and serializes back to the same wire content.</summary>
public sealed class GroupExamplesTests
{
    public static TheoryData<string, Type> Files => new()
    {
        { "0_Heartbeat.json", typeof(Heartbeat) },
        { "1_TestRequest.json", typeof(TestRequest) },
        { "ERROR_ErrorMessage.json", typeof(ErrorMessage) },
        { "BE_UserRequest.json", typeof(UserRequest) },
        { "BF_UserResponse.json", typeof(UserResponse) },
        { "U0_Signup.json", typeof(Signup) },
        { "U10_CreatePasswordResetRequest.json", typeof(PasswordResetRequest) },
        { "U11_CreatePasswordResetResponse.json", typeof(PasswordResetResponse) },
        { "U12_ProcessPasswordResetRequest.json", typeof(ProcessPasswordResetRequest) },
        { "U13_ProcessPasswordResetResponse.json", typeof(ProcessPasswordResetResponse) },
        { "U16_EnableDisableTwoFactorAuthenticationRequest.json", typeof(TwoFactorRequest) },
        { "U17_EnableDisableTwoFactorAuthenticationResponse.json", typeof(TwoFactorResponse) },
        { "D_NewOrderSingle.json", typeof(NewOrderSingle) },
        { "8_ExecutionReport.json", typeof(ExecutionReport) },
        { "F_OrderCancelRequest.json", typeof(OrderCancelRequest) },
        { "U4_OrdersListRequest.json", typeof(OrdersListRequest) },
        { "U5_OrdersListResponse.json", typeof(OrdersListResponse) },
        { "U32_TradeHistoryRequest.json", typeof(TradeHistoryRequest) },
        { "U33_TradeHistoryResponse.json", typeof(TradeHistoryResponse) },
        { "V_MarketDataRequest.json", typeof(MarketDataRequest) },
        { "W_MarketDataFullRefresh.json", typeof(MarketDataFullRefresh) },
        { "X_MarketDataIncrementalRefresh.json", typeof(MarketDataIncrementalRefresh) },
        { "Y_MarketDataRequestReject.json", typeof(MarketDataRequestReject) },
        { "x_SecurityListRequest.json", typeof(SecurityListRequest) },
        { "y_SecurityList.json", typeof(SecurityList) },
        { "e_SecurityStatusRequest.json", typeof(SecurityStatusRequest) },
        { "f_SecurityStatus.json", typeof(Ticker) },
        { "U38_UpdateProfile.json", typeof(UpdateProfileRequest) },
        { "U39_UpdateProfileResponse.json", typeof(UpdateProfileResponse) },
        { "U40_ProfileRefresh.json", typeof(ProfileRefresh) },
        { "U28_BrokerListRequest.json", typeof(BrokerListRequest) },
        { "U29_BrokerListResponse.json", typeof(BrokerListResponse) },
    };

    internal static IEnumerable<string> Frames(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "examples", file)));
        return document.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Examples_parse_fully_and_round_trip(string file, Type type)
    {
        foreach (var frame in Frames(file))
        {
            var message = ProtocolSerializer.Deserialize(Encoding.UTF8.GetBytes(frame));
            Assert.IsType(type, message);
            Assert.Null(message.ExtensionData);

            var written = ProtocolSerializer.SerializeToString(message);
            Assert.True(Same(Normalize(JsonNode.Parse(frame)), Normalize(JsonNode.Parse(written))), $"{file}:\n{frame}\n{written}");

            // A second trip is byte-stable.
            var again = ProtocolSerializer.SerializeToString(ProtocolSerializer.Deserialize(written));
            Assert.Equal(written, again);
        }
    }

    // Nulls are not written (optional fields); numbers and numeric strings compare by text (tolerant reading of
    // ids and enums); object members compare regardless of order.
    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj["Columns"] is JsonArray columns:
                // Columnar list: compare rows as objects (the writer derives Columns from the non-null cells).
                var rowsForm = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key == "Columns")
                    {
                        continue;
                    }
                    if (value is JsonArray rows && rows.All(r => r is JsonArray))
                    {
                        var objects = new JsonArray();
                        foreach (var row in rows.Cast<JsonArray>())
                        {
                            var rowObject = new JsonObject();
                            for (var i = 0; i < row.Count && i < columns.Count; i++)
                            {
                                rowObject[columns[i]!.GetValue<string>()] = row[i]?.DeepClone();
                            }
                            objects.Add(rowObject);
                        }
                        rowsForm[key] = objects;
                    }
                    else
                    {
                        rowsForm[key] = value?.DeepClone();
                    }
                }
                return Normalize(rowsForm);
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        result[key] = Normalize(value);
                    }
                }
                return result;
            case JsonArray array:
                return new JsonArray(array.Select(Normalize).ToArray());
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(decimal.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture).ToString("G29", System.Globalization.CultureInfo.InvariantCulture));
            default:
                return node?.DeepClone();
        }
    }

    private static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);
}
