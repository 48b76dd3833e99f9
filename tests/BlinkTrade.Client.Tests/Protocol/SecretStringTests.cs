using System.Text;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

public sealed class SecretStringTests
{
    [Fact]
    public void Prints_redacted_but_serializes_the_real_value()
    {
        var login = UserRequest.Login(1, 5, "alice", "s3cr3t-Pa55");
        Assert.DoesNotContain("s3cr3t-Pa55", login.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", login.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"Password\":\"s3cr3t-Pa55\"", ProtocolSerializer.SerializeToString(login), StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_interpolation_and_reveal()
    {
        SecretString a = "x1";
        var b = new SecretString("x1");
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("x1", a.Reveal());
        Assert.Equal("pw=***", $"pw={a}");
        Assert.True(default(SecretString).IsEmpty);
        Assert.Equal(string.Empty, default(SecretString).Reveal());
    }

    [Fact]
    public void Numeric_codes_are_read_as_text()
    {
        var request = ProtocolSerializer.Deserialize<UserRequest>(Encoding.UTF8.GetBytes("{\"MsgType\":\"BE\",\"UserReqID\":1,\"Username\":\"a\",\"Password\":\"p\",\"UserReqTyp\":\"1\",\"SecondFactor\":123456}"));
        Assert.Equal("123456", request.SecondFactor?.Reveal());
    }
}
