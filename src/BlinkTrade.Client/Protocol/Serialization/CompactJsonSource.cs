using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The strict <see cref="IWireSource"/>: reads the form the exchange writes — objects of known names, ASCII strings
/// without escapes, integers, <c>null</c>, arrays of objects, optional whitespace — straight from the bytes, and gives up
/// (<see cref="Failed"/>) on anything else: an unknown name whose value is not a plain string or integer, an escape, a non-ASCII byte, a fraction or exponent, a
/// number where text is expected or text where a number is, a date in another form, malformed JSON. The caller then reads
/// the frame again with <see cref="JsonReaderSource"/>, which accepts or rejects it exactly as before; so this source
/// only has to be right about what it accepts, and for that input it returns what the tolerant source returns.
/// </summary>
/// <remarks>
/// Why a hand-written scanner: a <see cref="Utf8JsonReader"/> pass alone is 0.42–0.51 of the whole parse of an
/// <c>X</c>, because it validates and classifies every token for any JSON; this one knows which value each name has,
/// so it reads a field's bytes once (docs/performance.md, "Client parse"). After a give-up every read returns a default
/// and <see cref="Next"/> and <see cref="NextElement"/> return <see langword="false"/>, so a reader's loops end at once.
/// </remarks>
internal ref struct CompactJsonSource(ReadOnlySpan<byte> json) : IWireSource
{
    // Longest integer read here: 18 digits cannot overflow a long (a longer one goes to the tolerant source).
    private const int MaxDigits = 18;

    // No previous name to guess from (a name of another object, or one not in the table).
    private const int Unrelated = int.MinValue;

    // What a string read here may not contain.
    private static readonly SearchValues<byte> NotPlainText = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'\\', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    private readonly ReadOnlySpan<byte> _json = json;
    private int _position;
    private bool _afterValue;
    private bool _failed;

    // The name Next stopped at when it is none of the caller's (for KeepUnknown).
    private ReadOnlySpan<byte> _unknownName;

    // The table of the object being read (null at its start) and the field of its previous name (-1 at its start), for
    // the next name's guess.
    private WireNameTable? _names;
    private int _previousField;

    /// <summary>Whether the source gave up (the frame is not in the compact form it reads).</summary>
    public readonly bool Failed => _failed;

    /// <summary>Whether the whole input was read as one value with nothing but whitespace after it.</summary>
    public bool AtEnd()
    {
        SkipWhitespace();
        return !_failed && _position == _json.Length;
    }

    /// <inheritdoc />
    public void StartObject(Type type)
    {
        if (Peek() != '{')
        {
            Fail();
            return;
        }
        _position++;
        _afterValue = false;
        _names = null;
        _previousField = -1;
    }

    /// <inheritdoc />
    public bool Next(WireNameTable names, out int field)
    {
        field = -1;
        if (!NextMember((byte)'}'))
        {
            return false;
        }
        // The exchange writes a record's names in one order: the name that followed the previous one last time is
        // checked first, as one comparison of its "Name": bytes, before finding the name's end and looking it up.
        var previous = _names is null || ReferenceEquals(names, _names) ? _previousField : Unrelated;
        var guess = names.Guess(previous);
        if (Peek() == '"' && guess >= 0 && _json[_position..].StartsWith(names.Member(guess)))
        {
            field = guess;
            _position += names.Member(guess).Length;
            _afterValue = true;
        }
        else
        {
            if (Peek() != '"' || !TryReadText(out var name))
            {
                return Fail();
            }
            field = names.Find(name);
            // An unknown name goes to KeepUnknown: plain text only, so its string is the one the tolerant source reads.
            _unknownName = field < 0 && Clean(name) ? name : default;
            if (Peek() != ':')
            {
                return Fail();
            }
            _position++;
            names.Learn(previous, field);
        }
        _names = names;
        _previousField = field < 0 ? Unrelated : field;
        SkipWhitespace();
        return true;
    }

    /// <inheritdoc />
    public void KeepUnknown(ref WireExtensionFields unknown) => Keep(_unknownName, ref unknown);

    /// <inheritdoc />
    public void KeepExtension(WireNameTable names, int field, ref WireExtensionFields unknown) => Keep(names.Utf8(field), ref unknown);

    /// <inheritdoc />
    public void Skip()
    {
        if (Peek() != '"' || !TryReadText(out var text) || !Clean(text))
        {
            Fail();
        }
    }

    /// <inheritdoc />
    public bool StartArray()
    {
        if (TryReadNull())
        {
            return false;
        }
        if (Peek() != '[')
        {
            return Fail();
        }
        _position++;
        _afterValue = false;
        return true;
    }

    /// <inheritdoc />
    public bool NextElement() => NextMember((byte)']');

    /// <inheritdoc />
    public long Int64() => TryReadInteger(out var value) ? value : FailWith<long>();

    /// <inheritdoc />
    public long? NullableInt64() => TryReadNull() ? null : Int64();

    /// <inheritdoc />
    public int? NullableInt32()
    {
        if (TryReadNull())
        {
            return null;
        }
        return TryReadInteger(out var value) && value is >= int.MinValue and <= int.MaxValue ? (int)value : FailWith<int>();
    }

    /// <inheritdoc />
    public T Fixed<T>() where T : struct, IFixedPoint<T> => T.FromSatoshis(Int64());

    /// <inheritdoc />
    public T? NullableFixed<T>() where T : struct, IFixedPoint<T> => TryReadNull() ? null : T.FromSatoshis(Int64());

    /// <inheritdoc />
    public T Enum<T>() where T : struct, IWireEnum<T>
    {
        if (Peek() != '"' || !TryReadText(out var text))
        {
            return FailWith<T>();
        }
        return WireEnumIndex<T>.TryGet(text, out var known) ? known : Clean(text) ? T.FromWire(Encoding.ASCII.GetString(text)) : default;
    }

    /// <inheritdoc />
    public T? NullableEnum<T>() where T : struct, IWireEnum<T> => TryReadNull() ? null : Enum<T>();

    /// <inheritdoc />
    public string? String()
    {
        if (TryReadNull())
        {
            return null;
        }
        return Peek() == '"' && TryReadText(out var text) && Clean(text) ? Encoding.ASCII.GetString(text) : FailWith<string>();
    }

    /// <inheritdoc />
    public string? RepeatedString()
    {
        if (TryReadNull())
        {
            return null;
        }
        return Peek() == '"' && TryReadText(out var text) && Clean(text) ? WireStringCache.Get(text) : FailWith<string>();
    }

    /// <inheritdoc />
    public DateOnly? NullableDate()
    {
        if (TryReadNull())
        {
            return null;
        }
        return Peek() == '"' && TryReadText(out var text) && WireDateConverter.TryParseWire(text, out var value) ? value : FailWith<DateOnly>();
    }

    /// <inheritdoc />
    public TimeOnly? NullableTime()
    {
        if (TryReadNull())
        {
            return null;
        }
        return Peek() == '"' && TryReadText(out var text) && WireTimeConverter.TryParseWire(text, out var value) ? value : FailWith<TimeOnly>();
    }

    /// <inheritdoc />
    public DateTime? NullableDateTime()
    {
        if (TryReadNull())
        {
            return null;
        }
        return Peek() == '"' && TryReadText(out var text) && WireDateTimeConverter.TryParseWire(text, out var value) ? value : FailWith<DateTime>();
    }

    // Only a plain string or integer (the exchange's TransactTime); anything else gives up and the tolerant source
    // builds the element. The value's bytes as written are what the tolerant source's element holds.
    private void Keep(ReadOnlySpan<byte> name, ref WireExtensionFields unknown)
    {
        if (_failed)
        {
            return;
        }
        var quoted = Peek() == '"';
        var start = _position;
        var plain = quoted ? TryReadText(out var text) && Clean(text) : TryReadInteger(out _);
        if (!plain)
        {
            Fail();
            return;
        }
        unknown.Add(WireExtensionCache.Get(name, _json[start.._position]));
    }

    // At a container's next member: false at its closing byte (consumed, the container then being a value read), past
    // the comma that must separate a member from the previous one.
    private bool NextMember(byte close)
    {
        var next = Peek();
        if (next == close)
        {
            _position++;
            _afterValue = true;
            return false;
        }
        if (_afterValue)
        {
            if (next != ',')
            {
                return Fail();
            }
            _position++;
        }
        return !_failed;
    }

    // The next byte after whitespace (0, never valid here, at the end, where a give-up leaves the position).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte Peek()
    {
        var position = _position;
        while ((uint)position < (uint)_json.Length)
        {
            var next = _json[position];
            if (next is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                _position = position;
                return next;
            }
            position++;
        }
        _position = position;
        return 0;
    }

    private void SkipWhitespace() => Peek();

    // A string at the position (its opening quote) up to the next quote, the position left after it. The text is not
    // checked here: a caller that matches it against known clean values (names, enumeration values, dates) needs no
    // check, any other takes it through Clean (an escaped quote ends the text early, but with its backslash in it).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadText(out ReadOnlySpan<byte> text)
    {
        var rest = _json[(_position + 1)..];
        var length = rest.IndexOf((byte)'"');
        if (length < 0)
        {
            text = default;
            return false;
        }
        text = rest[..length];
        _position += length + 2;
        _afterValue = true;
        return true;
    }

    // Text as the tolerant source reads it: no escape (a backslash), no control character (invalid JSON), ASCII only
    // (no UTF-8 to validate).
    private bool Clean(ReadOnlySpan<byte> text) => !text.ContainsAny(NotPlainText) || Fail();

    // A JSON integer (-?(0|[1-9][0-9]*)) of at most MaxDigits digits. What follows it is checked by the next Next or
    // NextElement, which accept only a separator: a fraction or exponent gives up there.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadInteger(out long value)
    {
        value = 0;
        if (Peek() == 0)
        {
            return false;
        }
        var rest = _json[_position..];
        var negative = rest[0] == '-';
        var start = negative ? 1 : 0;
        var end = start;
        // Eight digits at a time while eight bytes are digits: an 8 carries eleven numbers of up to 13 digits, and one
        // digit at a time is a chain of dependent multiply-adds (more than a tenth of the whole parse). A number too
        // long to fit is refused below (MaxDigits), so the wrapped value is never returned.
        while (rest.Length - end >= sizeof(ulong))
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(rest[end..]);
            if (!AreEightDigits(word))
            {
                break;
            }
            value = unchecked((value * 100_000_000) + EightDigits(word));
            end += sizeof(ulong);
        }
        while (end < rest.Length && (uint)(rest[end] - '0') <= 9)
        {
            value = (value * 10) + (rest[end] - '0');
            end++;
        }
        var digits = end - start;
        if (digits == 0 || digits > MaxDigits || (rest[start] == '0' && digits > 1))
        {
            return false;
        }
        if (negative)
        {
            value = -value;
        }
        _position += end;
        _afterValue = true;
        return true;
    }

    // Whether each of the eight bytes (little-endian) is an ASCII digit: adding 0x46 sets the high bit of a byte above
    // '9', subtracting 0x30 that of one below '0' (and of any non-ASCII byte); an all-digit word carries no bit across.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AreEightDigits(ulong word)
        => unchecked(((word + 0x4646464646464646) | (word - 0x3030303030303030)) & 0x8080808080808080) == 0;

    // The value of eight ASCII digits, the first in the lowest byte: pairs, then quadruples, then the eight, each step
    // one multiply across the lanes (the usual SWAR reduction).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint EightDigits(ulong word)
    {
        unchecked
        {
            word -= 0x3030303030303030;
            word = (word * 10) + (word >> 8);
            word = (((word & 0x000000FF000000FF) * (100 + (1000000UL << 32))) + (((word >> 16) & 0x000000FF000000FF) * (1 + (10000UL << 32)))) >> 32;
            return (uint)word;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadNull()
    {
        if (Peek() == 'n' && _json[_position..].StartsWith("null"u8))
        {
            _position += 4;
            _afterValue = true;
            return true;
        }
        return false;
    }

    private bool Fail()
    {
        _failed = true;
        _position = _json.Length;
        return false;
    }

    private T FailWith<T>()
    {
        Fail();
        return default!;
    }
}
