using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// What the hand-written readers of the hottest records (<see cref="ExecutionReport"/>, <see cref="MarketDataEntry"/>,
/// <c>X</c>, <c>W</c>) read their fields from, so each record's field list is written once for two sources: the tolerant
/// <see cref="JsonReaderSource"/> (<see cref="Utf8JsonReader"/>, every accepted form, <see cref="JsonException"/> on bad
/// input) and the strict <see cref="CompactJsonSource"/> (the exchange's own compact form only, which it reads in a
/// fraction of the time; on anything else it stops and the frame is read again by the tolerant source).
/// </summary>
/// <remarks>Implemented by ref structs only; the readers are generic over the source so the calls inline.</remarks>
internal interface IWireSource
{
    /// <summary>Checks the source is on the start of an object (of <paramref name="type"/>, for the error).</summary>
    void StartObject(Type type);

    /// <summary>Moves to the next property's value.</summary>
    /// <param name="names">The names the caller reads.</param>
    /// <param name="field">The name's position in <paramref name="names"/>, or -1 for a name not in it.</param>
    /// <returns><see langword="false"/> at the end of the object (or when a strict source gave up).</returns>
    bool Next(WireNameTable names, out int field);

    /// <summary>Keeps the current property (a name not in the caller's table) in <paramref name="unknown"/>, created on first use.</summary>
    void KeepUnknown(ref WireExtensionFields unknown);

    /// <summary>Keeps the current property, name <paramref name="field"/> of <paramref name="names"/> that the record does
    /// not model (the exchange's <c>TransactTime</c> on an <c>8</c>), in <paramref name="unknown"/> as
    /// <see cref="KeepUnknown"/> keeps any other name.</summary>
    /// <remarks>Why such a name is in the caller's table at all: a name not in it costs the compact source a full
    /// lookup per frame, one in it is usually matched by the name guess (one comparison).</remarks>
    void KeepExtension(WireNameTable names, int field, ref WireExtensionFields unknown);

    /// <summary>Skips the current value.</summary>
    void Skip();

    /// <summary>Enters an array of objects: <see langword="false"/> for <c>null</c>.</summary>
    bool StartArray();

    /// <summary>Moves to the next element of the array: <see langword="false"/> at its end.</summary>
    bool NextElement();

    /// <summary>A 64-bit integer (numbers, numeric strings, integral floats); null is an error.</summary>
    long Int64();

    /// <summary>An optional 64-bit integer.</summary>
    long? NullableInt64();

    /// <summary>An optional 32-bit integer.</summary>
    int? NullableInt32();

    /// <summary>A 1e8-scaled value; null is an error.</summary>
    T Fixed<T>() where T : struct, IFixedPoint<T>;

    /// <summary>An optional 1e8-scaled value.</summary>
    T? NullableFixed<T>() where T : struct, IFixedPoint<T>;

    /// <summary>A wire enumeration; null is an error.</summary>
    T Enum<T>() where T : struct, IWireEnum<T>;

    /// <summary>An optional wire enumeration.</summary>
    T? NullableEnum<T>() where T : struct, IWireEnum<T>;

    /// <summary>A string (numbers and booleans kept as their text; null reads as null).</summary>
    string? String();

    /// <summary>A string from a small set that repeats across frames (symbols, broker names), from a cache.</summary>
    string? RepeatedString();

    /// <summary>An optional wire date (<c>yyyy-MM-dd</c>).</summary>
    DateOnly? NullableDate();

    /// <summary>An optional wire time (<c>HH:mm:ss</c>).</summary>
    TimeOnly? NullableTime();

    /// <summary>An optional wire datetime (<c>yyyy-MM-dd HH:mm:ss</c> UTC).</summary>
    DateTime? NullableDateTime();
}
