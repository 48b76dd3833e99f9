using System.Text;
using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Unwraps a value some servers send JSON-encoded inside a string, once or several times (PROTOCOL.md §5 G22): shared
/// by <see cref="DoubleEncodedJsonConverter{T}"/> and <see cref="PermissionListJsonConverter"/>.
/// </summary>
internal static class EncodedJson
{
    /// <summary>How many string levels are decoded before the value is refused.</summary>
    public const int MaxEncodingDepth = 8;

    /// <summary>Decodes <paramref name="text"/> again while its content is a JSON string.</summary>
    /// <param name="text">The string value read from the frame.</param>
    /// <param name="what">What the value is, for the error messages (<c>"JSON value"</c>, <c>"PermissionList"</c>).</param>
    /// <returns>The UTF-8 JSON of the first level that is not a string.</returns>
    /// <exception cref="JsonException">A level is empty or not JSON, or there are more than <see cref="MaxEncodingDepth"/> levels.</exception>
    public static byte[] Decode(string text, string what)
    {
        for (var depth = 0; depth < MaxEncodingDepth; depth++)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var inner = new Utf8JsonReader(bytes);
            if (!inner.Read())
            {
                throw new JsonException($"An encoded {what} was empty.");
            }
            if (inner.TokenType != JsonTokenType.String)
            {
                return bytes;
            }
            text = inner.GetString()!;
        }
        throw new JsonException($"A {what} was encoded more than {MaxEncodingDepth} times.");
    }
}
