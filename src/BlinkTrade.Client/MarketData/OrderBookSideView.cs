using System.Collections;

namespace BlinkTrade.Client.MarketData;

/// <summary>
/// The immutable list an <see cref="OrderBookSnapshot"/> holds for one side: the side's frozen chunks at the time of the
/// snapshot (see <see cref="OrderBookSide"/>), read through the running entry counts.
/// </summary>
internal sealed class OrderBookSideView : IReadOnlyList<OrderBookEntry>
{
    /// <summary>An empty side.</summary>
    public static OrderBookSideView Empty { get; } = new([], []);

    private readonly OrderBookSide.Chunk[] _chunks;
    // _ends[c]: the entries in chunks 0…c.
    private readonly int[] _ends;

    public OrderBookSideView(OrderBookSide.Chunk[] chunks, int[] ends)
    {
        _chunks = chunks;
        _ends = ends;
        Count = ends.Length == 0 ? 0 : ends[^1];
    }

    public int Count { get; }

    public OrderBookEntry this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }
            // The best entries (most reads) are in the first chunk.
            if (index < _ends[0])
            {
                return _chunks[0].Items[index];
            }
            var c = Array.BinarySearch(_ends, index);
            c = c >= 0 ? c + 1 : ~c; // the first chunk whose end lies beyond index
            return _chunks[c].Items[index - _ends[c - 1]];
        }
    }

    public IEnumerator<OrderBookEntry> GetEnumerator()
    {
        for (var c = 0; c < _chunks.Length; c++)
        {
            var chunk = _chunks[c];
            var count = _ends[c] - (c == 0 ? 0 : _ends[c - 1]);
            for (var i = 0; i < count; i++)
            {
                yield return chunk.Items[i];
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
