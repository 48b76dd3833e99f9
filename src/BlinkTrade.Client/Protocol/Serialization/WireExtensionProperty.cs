using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// One extension-data property read from the wire (a name a record does not model and its value), immutable so one
/// instance can be the extension data of any number of records (<see cref="WireExtensionCache"/>,
/// <see cref="ProtocolRecord.WireExtension"/>).
/// </summary>
/// <remarks>Equal to another with the same name and an equal value (<see cref="JsonElement.DeepEquals"/>), so two records
/// read from equal frames compare equal whether or not the cache gave them one instance.</remarks>
/// <param name="name">The property's name.</param>
/// <param name="value">Its value (read-only: a <see cref="JsonElement"/> of a document that owns its bytes).</param>
internal sealed class WireExtensionProperty(string name, JsonElement value) : IEquatable<WireExtensionProperty>
{
    /// <summary>The property's name.</summary>
    public string Name { get; } = name;

    /// <summary>The property's value.</summary>
    public JsonElement Value { get; } = value;

    /// <inheritdoc />
    public bool Equals(WireExtensionProperty? other)
        => ReferenceEquals(this, other)
            || (other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && JsonElement.DeepEquals(Value, other.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WireExtensionProperty);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), Value.ValueKind);
}
