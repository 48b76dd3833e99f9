using System.Numerics;

namespace BlinkTrade.Testing.Matching;

/// <summary>Open-addressing hash map from a non-zero long key (order id, account key) to an int (linear probing, backward-shift deletion, no tombstones, no allocation after growth).</summary>
internal sealed class LongIntMap
{
    private long[] _keys;
    private int[] _values;
    private int _mask;
    private int _shift;

    public LongIntMap(int capacity)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity * 2, 16));
        _keys = new long[size];
        _values = new int[size];
        _mask = size - 1;
        _shift = 64 - BitOperations.Log2((uint)size);
    }

    public int Count { get; private set; }

    public void Add(long key, int value)
    {
        if ((Count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        var i = Home(key);
        while (_keys[i] != 0)
        {
            i = (i + 1) & _mask;
        }

        _keys[i] = key;
        _values[i] = value;
        Count++;
    }

    public bool TryGet(long key, out int value)
    {
        if (key != 0)
        {
            for (var i = Home(key); _keys[i] != 0; i = (i + 1) & _mask)
            {
                if (_keys[i] == key)
                {
                    value = _values[i];
                    return true;
                }
            }
        }

        value = -1;
        return false;
    }

    public bool Remove(long key)
    {
        var i = Home(key);
        while (_keys[i] != key)
        {
            if (_keys[i] == 0)
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
            if (_keys[j] == 0)
            {
                break;
            }

            var home = Home(_keys[j]);
            var movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable)
            {
                _keys[hole] = _keys[j];
                _values[hole] = _values[j];
                hole = j;
            }
        }

        _keys[hole] = 0;
        Count--;
        return true;
    }

    private int Home(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new long[keys.Length * 2];
        _values = new int[keys.Length * 2];
        _mask = _keys.Length - 1;
        _shift--;
        Count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                Add(keys[i], values[i]);
            }
        }
    }
}
