using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// One extension-data property read from the wire (a name a record does not model and its value), immutable so one
/// instance can back the <see cref="WireExtensionData"/> of any number of records (<see cref="WireExtensionCache"/>).
/// </summary>
/// <param name="name">The property's name.</param>
/// <param name="value">Its value (read-only: a <see cref="JsonElement"/> of a document that owns its bytes).</param>
internal sealed class WireExtensionProperty(string name, JsonElement value)
{
    /// <summary>The property's name.</summary>
    public string Name { get; } = name;

    /// <summary>The property's value.</summary>
    public JsonElement Value { get; } = value;
}
