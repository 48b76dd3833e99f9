using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Base of the protocol's messages and of the rows and objects they carry: keeps the wire fields this SDK does not
/// model in <see cref="ExtensionData"/> (for diagnostics, and so they survive a round trip).
/// </summary>
public abstract record ProtocolRecord
{
    /// <summary>Fields present on the wire that this SDK version does not model (filled in by the serializer).</summary>
    /// <remarks>Settable rather than init-only because System.Text.Json's source generator cannot bind extension data
    /// through an object initializer. Printed by name only (<see cref="ToString"/>): their values are unknown.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Prints the names of the unknown fields, when there are any.</summary>
    /// <param name="builder">The record's text so far.</param>
    /// <returns>Whether anything was printed.</returns>
    protected virtual bool PrintMembers(StringBuilder builder) => PrintExtensionData(builder, printedBefore: false);

    private protected bool PrintExtensionData(StringBuilder builder, bool printedBefore) =>
        RecordText.Names(ExtensionData) is { } names ? RecordText.Print(builder, printedBefore, ("ExtensionData", names)) : printedBefore;
}
