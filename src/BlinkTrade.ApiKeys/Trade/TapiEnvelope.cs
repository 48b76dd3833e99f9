using System.Text.Json;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.ApiKeys.Trade;

/// <summary>
/// Reads the REST trade answer <c>{"Status":200,"Description":"OK","Responses":[…]}</c> (PROTOCOL.md §4.4): each
/// element of <c>Responses</c> is one protocol message, read by the protocol codec as a WebSocket frame would be.
/// </summary>
internal static class TapiEnvelope
{
    /// <summary>Reads an envelope; null when the body is not one (e.g. a proxy's HTML page).</summary>
    public static Parsed? TryRead(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Status", out var statusElement) || !statusElement.TryGetInt32(out var status))
            {
                return null;
            }
            var description = Text(root, "Description");
            var detail = Text(root, "Detail");
            var messages = new List<BlinkTradeMessage>();
            var frames = new List<byte[]>();
            if (root.TryGetProperty("Responses", out var responses) && responses.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in responses.EnumerateArray())
                {
                    var frame = System.Text.Encoding.UTF8.GetBytes(element.GetRawText());
                    messages.Add(ProtocolSerializer.Deserialize(frame));
                    frames.Add(frame);
                }
            }
            return new Parsed(status, description, detail, messages, frames);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    /// <summary>An envelope's content: the messages, and each one's JSON as sent (to read its correlation fields).</summary>
    public sealed record Parsed(int Status, string? Description, string? Detail, IReadOnlyList<BlinkTradeMessage> Messages, IReadOnlyList<byte[]> Frames);
}
