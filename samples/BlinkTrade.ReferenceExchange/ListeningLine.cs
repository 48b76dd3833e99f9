using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.ReferenceExchange;

/// <summary>
/// The one line the server prints on standard output once it listens, e.g.
/// <c>{"event":"listening","urls":["http://127.0.0.1:40123"],"webSocket":"ws://127.0.0.1:40123/trade/","rest":"http://127.0.0.1:40123/api/v1/apikey/"}</c>:
/// the bound addresses, so <c>--urls http://127.0.0.1:0</c> (any free port) is usable from a script or a test
/// harness in any language.
/// </summary>
/// <param name="Urls">The HTTP addresses Kestrel listens on.</param>
/// <param name="WebSocket">The WebSocket endpoint of the protocol (also served on <c>/</c>).</param>
/// <param name="Rest">The base of the API-key REST endpoints.</param>
internal sealed record ListeningLine(
    [property: JsonPropertyName("urls")] IReadOnlyList<string> Urls,
    [property: JsonPropertyName("webSocket")] string WebSocket,
    [property: JsonPropertyName("rest")] string Rest)
{
    /// <summary>The event name, first in the line.</summary>
    [JsonPropertyName("event")]
    [JsonPropertyOrder(-1)]
    public string Event => "listening";

    /// <summary>The line for a running server.</summary>
    /// <param name="httpBaseAddress">The server's HTTP base address (port resolved).</param>
    /// <param name="webSocketUri">The server's WebSocket endpoint.</param>
    /// <returns>The line.</returns>
    public static ListeningLine For(Uri httpBaseAddress, Uri webSocketUri) =>
        new([httpBaseAddress.GetLeftPart(UriPartial.Authority)], webSocketUri.ToString(), new Uri(httpBaseAddress, "api/v1/apikey/").ToString());

    /// <summary>The line as compact JSON.</summary>
    /// <returns>One line of JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, ListeningLineJsonContext.Default.ListeningLine);
}
