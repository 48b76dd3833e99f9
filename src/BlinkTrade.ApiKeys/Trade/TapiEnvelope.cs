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
            if (root.TryGetProperty("Responses", out var responses) && responses.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in responses.EnumerateArray())
                {
                    messages.Add(ProtocolSerializer.Deserialize(element.GetRawText()));
                }
            }
            return new Parsed(status, description, detail, messages);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    /// <summary>An envelope's content.</summary>
    public sealed record Parsed(int Status, string? Description, string? Detail, IReadOnlyList<BlinkTradeMessage> Messages);
}
