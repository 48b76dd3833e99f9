using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Protocol.Serialization;
using static BlinkTrade.Client.Tests.Protocol.ProtocolTestHelpers;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// Every example of the account, deposit, withdrawal and API-key groups parses to its record with every field
/// modelled, and serializes back to the same wire content (nulls omitted, numbers compared by value, column-oriented
/// groups compared row by row, JSON-encoded strings compared decoded), and a second trip is byte-stable.
/// </summary>
public sealed class WireContentTests
{
    public static TheoryData<string, Type> Files => new()
    {
        { "U2_UserBalanceRequest.json", typeof(UserBalanceRequest) },
        { "U3_UserBalanceResponse.json", typeof(UserBalanceResponse) },
        { "U34_LedgerListRequest.json", typeof(LedgerListRequest) },
        { "U35_LedgerListResponse.json", typeof(LedgerListResponse) },
        { "U36_TradersRankRequest.json", typeof(TradersRankRequest) },
        { "U37_TradersRankResponse.json", typeof(TradersRankResponse) },
        { "U42_PositionRequest.json", typeof(PositionRequest) },
        { "U43_PositionResponse.json", typeof(PositionResponse) },
        { "U18_DepositRequest.json", typeof(DepositRequest) },
        { "U19_DepositResponse.json", typeof(DepositResponse) },
        { "U20_DepositMethodsRequest.json", typeof(DepositMethodsRequest) },
        { "U21_DepositMethodsResponse.json", typeof(DepositMethodsResponse) },
        { "U23_DepositRefresh.json", typeof(DepositRefresh) },
        { "U30_DepositListRequest.json", typeof(DepositListRequest) },
        { "U31_DepositListResponse.json", typeof(DepositListResponse) },
        { "U48_DepositMethodRequest.json", typeof(DepositMethodRequest) },
        { "U49_DepositMethodResponse.json", typeof(DepositMethodResponse) },
        { "U6_WithdrawRequest.json", typeof(WithdrawRequest) },
        { "U7_WithdrawResponse.json", typeof(WithdrawResponse) },
        { "U9_WithdrawRefresh.json", typeof(WithdrawRefresh) },
        { "U24_WithdrawConfirmationRequest.json", typeof(WithdrawConfirmationRequest) },
        { "U25_WithdrawConfirmationResponse.json", typeof(WithdrawConfirmationResponse) },
        { "U26_WithdrawListRequest.json", typeof(WithdrawListRequest) },
        { "U27_WithdrawListResponse.json", typeof(WithdrawListResponse) },
        { "U70_CancelWithdrawalRequest.json", typeof(CancelWithdrawalRequest) },
        { "U71_CancelWithdrawalResponse.json", typeof(CancelWithdrawalResponse) },
        { "U78_WithdrawCommentRequest.json", typeof(WithdrawCommentRequest) },
        { "U79_WithdrawCommentResponse.json", typeof(WithdrawCommentResponse) },
        { "U50_APIKeyListRequest.json", typeof(ApiKeyListRequest) },
        { "U51_APIKeyListResponse.json", typeof(ApiKeyListResponse) },
        { "U52_APIKeyCreateRequest.json", typeof(ApiKeyCreateRequest) },
        { "U53_APIKeyCreateResponse.json", typeof(ApiKeyCreateResponse) },
        { "U54_APIKeyRevokeRequest.json", typeof(ApiKeyRevokeRequest) },
        { "U55_APIKeyRevokeResponse.json", typeof(ApiKeyRevokeResponse) },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Examples_parse_fully_and_round_trip(string file, Type type)
    {
        foreach (var frame in ExampleFrames(file))
        {
            var message = Parse(frame);
            Assert.IsType(type, message);
            Assert.Null(message.ExtensionData);

            var written = ProtocolSerializer.SerializeToString(message);
            Assert.True(JsonNode.DeepEquals(Normalize(JsonNode.Parse(frame)), Normalize(JsonNode.Parse(written))), $"{file}:\n{frame}\n{written}");
            Assert.Equal(written, ProtocolSerializer.SerializeToString(Parse(written)));
        }
    }

    [Fact]
    public void Every_registered_message_of_these_groups_has_an_example()
    {
        var covered = Files.Select(row => (Type)row[1]).ToHashSet();
        string[] groups = ["U2", "U3", "U34", "U35", "U36", "U37", "U42", "U43", "U18", "U19", "U20", "U21", "U23", "U30", "U31", "U48", "U49",
            "U6", "U7", "U9", "U24", "U25", "U26", "U27", "U70", "U71", "U78", "U79", "U50", "U51", "U52", "U53", "U54", "U55"];
        foreach (var msgType in groups)
        {
            Assert.True(MessageRegistry.TryGet(msgType.AsSpan(), out var descriptor), msgType);
            Assert.Contains(descriptor.Type, covered);
        }
        Assert.Equal(groups.Length, covered.Count);
    }

    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var columns = obj["Columns"] as JsonArray;
                var result = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    if (name == "Columns" || value is null)
                    {
                        continue;
                    }
                    if (columns is not null && name.EndsWith("Grp", StringComparison.Ordinal) && value is JsonArray rows)
                    {
                        var objects = new JsonArray();
                        foreach (var row in rows)
                        {
                            var rowObject = new JsonObject();
                            var cells = (JsonArray)row!;
                            for (var i = 0; i < columns.Count && i < cells.Count; i++)
                            {
                                rowObject[columns[i]!.GetValue<string>()] = cells[i]?.DeepClone();
                            }
                            objects.Add(Normalize(rowObject));
                        }
                        result[name] = objects;
                        continue;
                    }
                    result[name] = Normalize(value);
                }
                return result;
            }
            case JsonArray array:
                return new JsonArray(array.Select(Normalize).ToArray());
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString("0.########", CultureInfo.InvariantCulture));
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
            {
                var text = value.GetValue<string>();
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return JsonValue.Create(number.ToString("0.########", CultureInfo.InvariantCulture));
                }
                if (text.Length > 0 && text[0] is '{' or '[' or '"')
                {
                    try
                    {
                        return Normalize(JsonNode.Parse(text));
                    }
                    catch (JsonException)
                    {
                    }
                }
                return JsonValue.Create(text);
            }
            default:
                return node?.DeepClone();
        }
    }
}
