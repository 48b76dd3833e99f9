using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The property loop of the hand-written readers that read only from a <see cref="Utf8JsonReader"/>
/// (<see cref="HeartbeatJsonConverter"/>, <see cref="NewOrderSingleReader"/>; the client's hottest frames read through an
/// <see cref="IWireSource"/> instead): each
/// <see cref="MoveNext"/> leaves the caller's reader on the next property's value with its <see cref="Name"/> decoded,
/// and the caller either reads the value or hands it to <see cref="KeepUnknown"/>, which collects it for
/// <see cref="ProtocolRecord.ExtensionData"/>.
/// </summary>
/// <remarks>
/// The name buffer is inline, so a known name is matched without allocating, as with the <c>stackalloc</c> buffer each
/// reader used to declare for itself. The reader is passed to each call rather than held: a ref field cannot refer to a
/// ref struct (<see cref="Utf8JsonReader"/>). Use the cursor as a local: <see cref="Name"/> points into it.
/// </remarks>
internal ref struct JsonPropertyCursor
{
    private NameBuffer _buffer;
    private int _length;
    private string? _longName;
    private Dictionary<string, JsonElement>? _unknown;

    /// <summary>
    /// The current property's name. A name too long for the buffer (never a protocol field) reads as empty, which matches
    /// no known name, so it goes to <see cref="KeepUnknown"/> with its full text.
    /// </summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<char> Name => _longName is null ? ((ReadOnlySpan<char>)_buffer)[.._length] : default;

    /// <summary>The unknown properties collected so far (<see langword="null"/> when there were none).</summary>
    public readonly Dictionary<string, JsonElement>? Unknown => _unknown;

    /// <summary>Moves the reader to the next property's value.</summary>
    /// <param name="reader">The reader, on the object's start or on the end of the previous property's value.</param>
    /// <returns><see langword="false"/> at the end of the object (the reader is then on its <see cref="JsonTokenType.EndObject"/>).</returns>
    public bool MoveNext(ref Utf8JsonReader reader)
    {
        _length = ConverterHelpers.NextProperty(ref reader, _buffer, out _longName);
        return _length >= 0;
    }

    /// <summary>Keeps the current property, which the caller does not model, in <see cref="Unknown"/>.</summary>
    /// <param name="reader">The reader, on the property's value (left on its end).</param>
    public void KeepUnknown(ref Utf8JsonReader reader) => ConverterHelpers.AddExtension(ref _unknown, Name, _longName, ref reader);

    [InlineArray(ConverterHelpers.NameBufferLength)]
    private struct NameBuffer
    {
        private char _first;
    }
}
