using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlinkTrade.Testing.Tapes;

/// <summary>
/// The ids a replayed client chose differently from the recorded one (request ids and client order ids start at a
/// random value per client): learned from each client frame against its taped counterpart, and put back into the
/// taped exchange frames so replies correlate with the replaying client's requests.
/// </summary>
/// <remarks>Ids are the fields whose name ends in <c>ID</c> (<c>UserReqID</c>, <c>ClOrdID</c>, <c>MDReqID</c>, …),
/// in objects at any depth; values are matched by their text, so <c>"42"</c> and <c>42</c> are the same id.</remarks>
internal sealed class TapeIdMap
{
    private readonly Dictionary<string, JsonNode> _map = new(StringComparer.Ordinal);

    public void Learn(JsonNode? taped, JsonNode? actual)
    {
        if (taped is not JsonObject tapedObject || actual is not JsonObject actualObject)
        {
            return;
        }
        foreach (var (name, tapedValue) in tapedObject)
        {
            if (!actualObject.TryGetPropertyValue(name, out var actualValue))
            {
                continue;
            }
            if (IsId(name) && tapedValue is JsonValue && actualValue is JsonValue && Text(tapedValue) != Text(actualValue))
            {
                _map[Text(tapedValue)!] = actualValue.DeepClone();
            }
            else if (tapedValue is JsonObject)
            {
                Learn(tapedValue, actualValue);
            }
        }
    }

    /// <summary>A copy of a taped exchange frame with the learned ids put in.</summary>
    public JsonObject Substitute(JsonObject frame)
    {
        var copy = (JsonObject)frame.DeepClone();
        if (_map.Count > 0)
        {
            Replace(copy);
        }
        return copy;
    }

    private void Replace(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(property => property.Key).ToArray())
                {
                    var value = obj[name];
                    if (IsId(name) && value is JsonValue && Text(value) is { } text && _map.TryGetValue(text, out var replacement))
                    {
                        obj[name] = replacement.DeepClone();
                    }
                    else
                    {
                        Replace(value);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Replace(item);
                }
                break;
        }
    }

    private static bool IsId(string name) => name.EndsWith("ID", StringComparison.Ordinal);

    private static string? Text(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };
}
