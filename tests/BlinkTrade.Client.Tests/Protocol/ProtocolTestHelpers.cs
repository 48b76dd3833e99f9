using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

internal static class ProtocolTestHelpers
{
    public static BlinkTradeMessage Parse(string json) => ProtocolSerializer.Deserialize(Encoding.UTF8.GetBytes(json));

    public static T Parse<T>(string json) where T : BlinkTradeMessage => ProtocolSerializer.Deserialize<T>(Encoding.UTF8.GetBytes(json));

    public static ProtocolException ParseError(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.False(ProtocolSerializer.TryDeserialize(bytes, out _, out var error));
        return error!;
    }

    /// <summary>Serializes and parses again.</summary>
    public static T RoundTrip<T>(T message) where T : BlinkTradeMessage
        => Assert.IsType<T>(ProtocolSerializer.Deserialize(ProtocolSerializer.SerializeToUtf8Bytes(message)));

    /// <summary>Every message of an example file (a JSON array of frames), as raw frames.</summary>
    public static IEnumerable<string> ExampleFrames(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "examples", fileName)));
        return document.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
    }

    /// <summary>Whether two JSON texts are the same value (object key order ignored, numbers compared by text).</summary>
    public static bool JsonEquals(string left, string right)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);
        return JsonElement.DeepEquals(a.RootElement, b.RootElement);
    }
}
