using System.Text;
using BlinkTrade.Client.Protocol;
using static BlinkTrade.Client.Tests.Protocol.ProtocolTestHelpers;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>Records of the account, deposit, withdrawal and API-key groups that carry credentials never print them.</summary>
public sealed class RedactionTests
{
    private const string Secret = "dNNqZaU4LI6HQfY5bUtXRMuDWBZ3o62EYTo8DfEgjrY";
    private const string Password = "rZI98pYk9Irjg6y";
    private const string Token = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private const string Otp = "492039";

    public static TheoryData<BlinkTradeMessage, string[]> MessagesWithSecrets => new()
    {
        { new ApiKeyCreateResponse { APIKeyCreateReqID = 1, APIKey = "key", APISecret = Secret, APIPassword = Password }, [Secret, Password] },
        { new WithdrawConfirmationRequest { WithdrawReqID = 1, ConfirmationToken = Token }, [Token] },
        { new WithdrawConfirmationRequest { WithdrawReqID = 2, WithdrawID = 546, SecondFactor = Otp }, [Otp] },
    };

    [Theory]
    [MemberData(nameof(MessagesWithSecrets))]
    public void ToString_redacts_and_serialization_keeps_the_value(BlinkTradeMessage message, string[] secrets)
    {
        var text = message.ToString();
        var json = ProtocolSerializer.SerializeToString(message);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.Contains(secret, json, StringComparison.Ordinal);
        }
        Assert.Contains("***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_secret_of_these_groups_is_covered()
    {
        string[] groups = ["U2", "U3", "U34", "U35", "U36", "U37", "U42", "U43", "U18", "U19", "U20", "U21", "U23", "U30", "U31", "U48", "U49",
            "U6", "U7", "U9", "U24", "U25", "U26", "U27", "U70", "U71", "U78", "U79", "U50", "U51", "U52", "U53", "U54", "U55"];
        var withSecrets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var msgType in groups)
        {
            Assert.True(BlinkTrade.Client.Protocol.Serialization.MessageRegistry.TryGet(msgType.AsSpan(), out var descriptor));
            foreach (var property in descriptor.Type.GetProperties())
            {
                if (property.PropertyType == typeof(SecretString) || property.PropertyType == typeof(SecretString?))
                {
                    withSecrets.Add($"{descriptor.Type.Name}.{property.Name}");
                }
            }
        }
        Assert.Equal(
            ["ApiKeyCreateResponse.APIPassword", "ApiKeyCreateResponse.APISecret", "WithdrawConfirmationRequest.ConfirmationToken", "WithdrawConfirmationRequest.SecondFactor"],
            withSecrets);
    }

    [Fact]
    public void Parsed_U53_and_U24_redact()
    {
        foreach (var frame in ExampleFrames("U53_APIKeyCreateResponse.json").Concat(ExampleFrames("U24_WithdrawConfirmationRequest.json")))
        {
            var message = Parse(frame);
            var text = message.ToString();
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("hH1xE0VtQm2r8KcLpT7sWq3YfZbN6uJdA9oGiRaM4eC", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ySIMrLdTqSDo3vL", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Otp, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Records_are_compared_including_secrets()
    {
        var a = new ApiKeyCreateResponse { APIKeyCreateReqID = 1, APISecret = Secret };
        Assert.Equal(a, a with { });
        Assert.NotEqual(a, a with { APISecret = "other" });
    }

    [Fact]
    public void Parse_errors_of_secret_bearing_frames_do_not_quote_the_secret()
    {
        var frame = $$$"""{"MsgType":"U53","APIKeyCreateReqID":1,"APISecret":"{{{Secret}}}","APIPassword":"{{{Password}}}","Status":{"bad":1}}""";
        Assert.False(ProtocolSerializer.TryDeserialize(Encoding.UTF8.GetBytes(frame), out _, out var error));
        Assert.Equal(ProtocolErrorKind.InvalidField, error!.Kind);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);

        var token = $$$"""{"MsgType":"U24","WithdrawReqID":{"x":1},"SecondFactor":"{{{Otp}}}"}""";
        Assert.False(ProtocolSerializer.TryDeserialize(Encoding.UTF8.GetBytes(token), out _, out error));
        Assert.DoesNotContain(Otp, error!.ToString(), StringComparison.Ordinal);
    }
}
