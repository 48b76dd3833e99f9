namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// One byte for a wire enumeration's value in a packed record (<see cref="ExecutionReport"/>): 0 for
/// <see langword="default"/> (or an absent optional value), the known value's position + 1, <see cref="PresentDefault"/>
/// for an optional member set to <see langword="default"/>, <see cref="Unknown"/> for a value this SDK does not know
/// (the record keeps its raw string aside).
/// </summary>
internal static class WireEnumCode
{
    /// <summary>The <see langword="default"/> value, or an optional member left unset.</summary>
    public const byte Absent = 0;

    /// <summary>An optional member explicitly set to <see langword="default"/>.</summary>
    public const byte PresentDefault = 254;

    /// <summary>A value outside the known ones: its raw string is stored by the record.</summary>
    public const byte Unknown = 255;

    /// <summary>The byte of <paramref name="value"/>.</summary>
    public static byte Encode<T>(T value)
        where T : struct, IWireEnum<T>
    {
        if (EqualityComparer<T>.Default.Equals(value, default))
        {
            return Absent;
        }
        var index = WireEnumIndex<T>.IndexOf(value);
        return index is >= 0 and < PresentDefault - 1 ? (byte)(index + 1) : Unknown;
    }

    /// <summary>The value of <paramref name="code"/>; <paramref name="unknown"/> is the raw value of an <see cref="Unknown"/> one.</summary>
    public static T Decode<T>(byte code, string? unknown)
        where T : struct, IWireEnum<T>
        => code switch
        {
            Absent or PresentDefault => default,
            Unknown => T.FromWire(unknown!),
            _ => T.Values.At(code - 1),
        };
}
