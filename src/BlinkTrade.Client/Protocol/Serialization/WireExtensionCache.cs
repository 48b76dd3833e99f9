using System.Text;
using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Extension-data properties (a name a record does not model and its plain value) that repeat from frame to frame, so the
/// compact reader keeps them without building a <see cref="JsonElement"/> per frame: every <c>8</c> of the reference
/// exchange carries a <c>TransactTime</c> that is the same for all reports of one second. A small lock-free table;
/// collisions just replace the slot (reference writes are atomic, entries are immutable).
/// </summary>
/// <remarks>
/// A <see cref="JsonElement"/> made by <see cref="JsonElement.ParseValue"/> owns a copy of its bytes and is read-only, so
/// one instance can sit in any number of records (<see cref="ProtocolRecord.WireExtension"/>; each record still gets its
/// own extension dictionary, made on its first read, which its caller may change: a <see cref="WireExtensionData"/> that
/// points at the shared property until it is changed).
/// </remarks>
internal static class WireExtensionCache
{
    private const int MaxNameLength = 32;
    private const int MaxValueLength = 64;
    private const int Slots = 64;
    private static readonly Entry?[] Cache = new Entry?[Slots];

    // The entry found last: the exchange's reports of one second carry one TransactTime, so it is usually the next one
    // too, confirmed by two comparisons without hashing the name and value.
    private static Entry? _last;

    /// <summary>The property for <paramref name="name"/> (plain ASCII, no escapes) and <paramref name="rawValue"/> (one
    /// complete JSON string or number as written), from the cache when possible.</summary>
    public static WireExtensionProperty Get(ReadOnlySpan<byte> name, ReadOnlySpan<byte> rawValue)
    {
        if (name.Length > MaxNameLength || rawValue.Length > MaxValueLength)
        {
            return Create(name, rawValue);
        }
        var last = Volatile.Read(ref _last);
        if (last is not null && rawValue.SequenceEqual(last.RawValue) && name.SequenceEqual(last.Name))
        {
            return last.Property;
        }
        var hash = new HashCode();
        hash.AddBytes(name);
        hash.Add(name.Length);
        hash.AddBytes(rawValue);
        ref var slot = ref Cache[(uint)hash.ToHashCode() % Slots];
        var cached = Volatile.Read(ref slot);
        if (cached is not null && name.SequenceEqual(cached.Name) && rawValue.SequenceEqual(cached.RawValue))
        {
            Volatile.Write(ref _last, cached);
            return cached.Property;
        }
        var created = new Entry(name.ToArray(), rawValue.ToArray(), Create(name, rawValue));
        Volatile.Write(ref slot, created);
        Volatile.Write(ref _last, created);
        return created.Property;
    }

    private static WireExtensionProperty Create(ReadOnlySpan<byte> name, ReadOnlySpan<byte> rawValue)
    {
        var reader = new Utf8JsonReader(rawValue);
        reader.Read();
        return new(Encoding.ASCII.GetString(name), JsonElement.ParseValue(ref reader));
    }

    private sealed record Entry(byte[] Name, byte[] RawValue, WireExtensionProperty Property);
}
