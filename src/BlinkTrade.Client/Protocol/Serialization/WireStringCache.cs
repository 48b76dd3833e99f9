using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// A small lock-free cache of short ASCII strings that repeat on the wire (symbols, broker names), so parsing a
/// market-data entry does not allocate them again. Collisions just replace the slot (reference writes are atomic).
/// </summary>
internal static class WireStringCache
{
    private const int MaxLength = 24;
    private const int Slots = 256;
    private static readonly string?[] Cache = new string?[Slots];

    /// <summary>The string for these UTF-8 bytes, from the cache when possible.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength || !System.Text.Ascii.IsValid(utf8))
        {
            return System.Text.Encoding.UTF8.GetString(utf8);
        }
        uint hash = 2166136261;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619;
        }
        ref var slot = ref Cache[hash % Slots];
        var cached = slot;
        if (cached is not null && System.Text.Ascii.Equals(utf8, cached))
        {
            return cached;
        }
        var created = System.Text.Encoding.ASCII.GetString(utf8);
        slot = created;
        return created;
    }
}
