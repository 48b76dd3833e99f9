using System.Numerics;

namespace BlinkTrade.Testing.Collections;

/// <summary>
/// Open-addressing hash map from a non-zero long key (the account key; order ids use the matching engine's direct index) to an int (linear probing,
/// backward-shift deletion, no tombstones, no allocation after growth). Key and value share one 16-byte entry,
/// so a lookup in a table far larger than the cache costs one cache miss, not two.
/// </summary>
internal sealed class LongIntMap
{
    private Entry[] _entries;
    private int _mask;
    private int _shift;

    /// <summary>Entries from which the load may reach 1/2 whatever <see cref="_loadShift"/> asks (16 MB of entries): a table this
    /// large misses the cache on every lookup anyway, and a sparser one would only add memory traffic and TLB misses.</summary>
    private const int LargeTable = 1 << 20;

    /// <summary>A table smaller than <see cref="LargeTable"/> holds at most one key per 2^<see cref="_loadShift"/> entries.</summary>
    private readonly int _loadShift;

    /// <summary>Creates a map with room for <paramref name="capacity"/> keys before it grows.</summary>
    /// <param name="capacity">Keys expected.</param>
    /// <param name="loadShift">Maximum load factor 1/2^loadShift below <see cref="LargeTable"/> entries: 1 (half full) by default;
    /// 2 (a quarter) for a table whose probes must stay short under heavy insert/remove churn (linear probing's expected probe
    /// count climbs steeply towards a load of 1/2).</param>
    public LongIntMap(int capacity, int loadShift = 1)
    {
        _loadShift = loadShift;
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity << loadShift, 16));
        _entries = new Entry[size];
        _mask = size - 1;
        _shift = 64 - BitOperations.Log2((uint)size);
    }

    public int Count { get; private set; }

    public void Add(long key, int value)
    {
        if ((Count + 1) << (_entries.Length >= LargeTable ? 1 : _loadShift) > _entries.Length)
        {
            Grow();
        }

        var entries = _entries;
        var i = Home(key);
        while (entries[i].Key != 0)
        {
            i = (i + 1) & _mask;
        }

        entries[i].Key = key;
        entries[i].Value = value;
        Count++;
    }

    public bool TryGet(long key, out int value)
    {
        if (key != 0)
        {
            var entries = _entries;
            for (var i = Home(key); entries[i].Key != 0; i = (i + 1) & _mask)
            {
                if (entries[i].Key == key)
                {
                    value = entries[i].Value;
                    return true;
                }
            }
        }

        value = -1;
        return false;
    }

    /// <summary>Starts loading the entry where a lookup of <paramref name="key"/> begins (its home bucket), without waiting for it.</summary>
    public void PrefetchHome(long key) => CachePrefetch.Read(ref _entries[Home(key)]);

    public bool Remove(long key)
    {
        var entries = _entries;
        var i = Home(key);
        while (entries[i].Key != key)
        {
            if (entries[i].Key == 0)
            {
                return false;
            }

            i = (i + 1) & _mask;
        }

        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        var hole = i;
        var j = i;
        while (true)
        {
            j = (j + 1) & _mask;
            if (entries[j].Key == 0)
            {
                break;
            }

            var home = Home(entries[j].Key);
            var movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable)
            {
                entries[hole] = entries[j];
                hole = j;
            }
        }

        entries[hole].Key = 0;
        Count--;
        return true;
    }

    private int Home(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);

    private void Grow()
    {
        var entries = _entries;
        _entries = new Entry[entries.Length * 2];
        _mask = _entries.Length - 1;
        _shift--;
        Count = 0;
        foreach (var entry in entries)
        {
            if (entry.Key != 0)
            {
                Add(entry.Key, entry.Value);
            }
        }
    }

    private struct Entry
    {
        public long Key;
        public int Value;
    }
}
