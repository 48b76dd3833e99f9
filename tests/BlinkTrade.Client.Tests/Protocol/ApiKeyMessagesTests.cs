using System.Text.Json;
using BlinkTrade.Client.Protocol;
using static BlinkTrade.Client.Tests.Protocol.ProtocolTestHelpers;

namespace BlinkTrade.Client.Tests.Protocol;

public sealed class ApiKeyMessagesTests
{
    public static TheoryData<string> ExampleFiles => new()
    {
        "U50_APIKeyListRequest.json", "U51_APIKeyListResponse.json", "U52_APIKeyCreateRequest.json",
        "U53_APIKeyCreateResponse.json", "U54_APIKeyRevokeRequest.json", "U55_APIKeyRevokeResponse.json",
    };

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_frames_parse_typed_and_round_trip(string file)
    {
        foreach (var frame in ExampleFrames(file))
        {
            var message = Parse(frame);
            Assert.IsNotType<UnknownMessage>(message);
            Assert.Null(message.ExtensionData);
            var json = ProtocolSerializer.SerializeToString(message);
            Assert.Equal(json, ProtocolSerializer.SerializeToString(Parse(json)));
        }
    }

    [Fact]
    public void U51_rows_have_real_json_lists()
    {
        var response = Parse<ApiKeyListResponse>(ExampleFrames("U51_APIKeyListResponse.json").Single());
        var key = Assert.Single(response.ApiKeyListGrp);
        Assert.Equal("aleYuussya80JDl6f3mNZqPwyJDevSuDwUzmuDBitO4", key.APIKey);
        Assert.Empty(key.IPWhiteList!);
        Assert.Equal(["BF", "U4", "U2", "U26", "U34", "U30"], key.PermissionList!.Keys);
        Assert.Equal(new DateTime(2016, 6, 17, 5, 44, 45, DateTimeKind.Utc), key.LastUsed);
        var json = ProtocolSerializer.SerializeToString(response);
        Assert.Contains("\"Columns\":[\"APIKey\",\"Label\",\"IPWhiteList\",\"PermissionList\",\"Created\",\"LastUsed\"]", json, StringComparison.Ordinal);
        Assert.Contains("[\"aleYuussya80JDl6f3mNZqPwyJDevSuDwUzmuDBitO4\",\"Test\",[],{\"BF\":[]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void U52_request_serializes_permission_object_and_ip_array()
    {
        var request = new ApiKeyCreateRequest
        {
            APIKeyCreateReqID = 9783841,
            Label = "Test",
            PermissionList = new PermissionList().Allow("BF").Allow("D", PermissionList.Filter("Side", "eq", "1", "OrdType", "eq", "2")),
            IPWhiteList = ["177.97.245.78"],
            Revocable = true,
        };
        Assert.Equal("""{"MsgType":"U52","APIKeyCreateReqID":9783841,"Label":"Test","PermissionList":{"BF":[],"D":[["Side","eq","1","OrdType","eq","2"]]},"IPWhiteList":["177.97.245.78"],"Revocable":true}""",
            ProtocolSerializer.SerializeToString(request));
        var parsed = Parse<ApiKeyCreateRequest>(ExampleFrames("U52_APIKeyCreateRequest.json").Last());
        Assert.Equal(4, parsed.PermissionList!["D"].Count);
        Assert.Equal(["177.97.245.78", "203.0.113.7"], parsed.IPWhiteList);
    }

    [Fact]
    public void U53_double_encoded_lists_and_secrets()
    {
        var frames = ExampleFrames("U53_APIKeyCreateResponse.json").ToList();
        var first = Parse<ApiKeyCreateResponse>(frames[0]);
        Assert.Equal("dNNqZaU4LI6HQfY5bUtXRMuDWBZ3o62EYTo8DfEgjrY", first.APISecret!.Value.Reveal());
        Assert.Equal("rZI98pYk9Irjg6y", first.APIPassword!.Value.Reveal());
        Assert.Empty(first.IPWhiteList!);
        Assert.Equal(["BF"], first.PermissionList!.Keys);
        Assert.Equal(1, first.Status);
        Assert.True(first.Revocable);

        var second = Parse<ApiKeyCreateResponse>(frames[1]);
        Assert.Equal(["177.97.245.78"], second.IPWhiteList);
        Assert.Equal(["BF", "U2", "D"], second.PermissionList!.Keys);

        var json = ProtocolSerializer.SerializeToString(first);
        Assert.Contains("\"PermissionList\":{\"BF\":[]}", json, StringComparison.Ordinal);
        Assert.Contains("\"IPWhiteList\":[]", json, StringComparison.Ordinal);
        Assert.Contains("\"APISecret\":\"dNNqZaU4LI6HQfY5bUtXRMuDWBZ3o62EYTo8DfEgjrY\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""["1.2.3.4"]""")]
    [InlineData("""  "[\"1.2.3.4\"]"  """)]
    [InlineData("""  "\"[\\\"1.2.3.4\\\"]\""  """)]
    [InlineData("""  "\"\\\"[\\\\\\\"1.2.3.4\\\\\\\"]\\\"\""  """)]
    public void Double_encoded_ip_list_at_0_to_3_levels(string value)
    {
        var response = Parse<ApiKeyCreateResponse>($$"""{"MsgType":"U53","APIKeyCreateReqID":1,"IPWhiteList":{{value}}}""");
        Assert.Equal(["1.2.3.4"], response.IPWhiteList);
        Assert.Contains("\"IPWhiteList\":[\"1.2.3.4\"]", ProtocolSerializer.SerializeToString(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"BF":[]}""")]
    [InlineData("""  "{\"BF\":[]}"  """)]
    [InlineData("""  "\"{\\\"BF\\\":[]}\""  """)]
    [InlineData("""  "\"\\\"{\\\\\\\"BF\\\\\\\":[]}\\\"\""  """)]
    public void Double_encoded_permission_list_at_0_to_3_levels(string value)
    {
        var response = Parse<ApiKeyCreateResponse>($$"""{"MsgType":"U53","APIKeyCreateReqID":1,"PermissionList":{{value}}}""");
        Assert.Equal(["BF"], response.PermissionList!.Keys);
    }

    [Theory]
    [InlineData(""" "[1.2.3" """)]
    [InlineData(""" "\"{not json\"" """)]
    [InlineData(""" "" """)]
    [InlineData(""" "{\"BF\":1}" """)]
    public void Invalid_inner_json_is_an_invalid_field(string value)
    {
        var field = value.Contains("BF", StringComparison.Ordinal) ? "PermissionList" : "IPWhiteList";
        var error = ParseError($$"""{"MsgType":"U53","APIKeyCreateReqID":1,"{{field}}":{{value}}}""");
        Assert.Equal(ProtocolErrorKind.InvalidField, error.Kind);
        Assert.Equal("U53", error.MsgType);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public void U52_accepts_stringified_lists_and_writes_real_json()
    {
        var request = Parse<ApiKeyCreateRequest>("""{"MsgType":"U52","APIKeyCreateReqID":"5","Label":"x","PermissionList":"{\"U2\":[]}","IPWhiteList":"[\"1.2.3.4\"]"}""");
        Assert.Equal(5, request.APIKeyCreateReqID);
        Assert.Equal(["U2"], request.PermissionList!.Keys);
        Assert.Equal(["1.2.3.4"], request.IPWhiteList);
        Assert.Equal("""{"MsgType":"U52","APIKeyCreateReqID":5,"Label":"x","PermissionList":{"U2":[]},"IPWhiteList":["1.2.3.4"]}""", ProtocolSerializer.SerializeToString(request));
    }

    [Fact]
    public void U54_and_U55()
    {
        Assert.Equal("""{"MsgType":"U54","APIKeyRevokeReqID":8851626,"APIKey":"k"}""",
            ProtocolSerializer.SerializeToString(new ApiKeyRevokeRequest { APIKeyRevokeReqID = 8851626, APIKey = "k" }));
        var response = Parse<ApiKeyRevokeResponse>(ExampleFrames("U55_APIKeyRevokeResponse.json").Single());
        Assert.Equal(8851626, response.APIKeyRevokeReqID);
        Assert.Equal(0, response.Status);
    }
}
