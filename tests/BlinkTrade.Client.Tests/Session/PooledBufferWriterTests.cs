using BlinkTrade.Client.Session;

namespace BlinkTrade.Client.Tests.Session;

/// <summary>The receive loops' frame buffer: rented on the first write, returned once the frame was handled, so an
/// idle connection holds none and a large frame does not leave a large array with the connection.</summary>
public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Holds_no_array_until_written_and_none_after_release_even_after_a_large_frame()
    {
        using var buffer = new PooledBufferWriter(4096);
        Assert.Equal(0, buffer.Capacity);

        // A 1 MiB frame written in 8 KiB chunks, as the WebSocket receive does.
        var chunk = Enumerable.Range(0, 8192).Select(i => (byte)i).ToArray();
        for (var i = 0; i < 128; i++)
        {
            chunk.CopyTo(buffer.GetMemory(chunk.Length));
            buffer.Advance(chunk.Length);
        }
        Assert.True(buffer.Capacity >= 1024 * 1024);
        Assert.Equal(1024 * 1024, buffer.WrittenSpan.Length);
        Assert.True(buffer.WrittenSpan[8192..16384].SequenceEqual(chunk));

        buffer.Release();
        Assert.Equal(0, buffer.Capacity);
        Assert.Equal(0, buffer.WrittenSpan.Length);

        // The next (small) frame rents a small array again.
        buffer.GetSpan(10)[0] = 42;
        buffer.Advance(1);
        Assert.InRange(buffer.Capacity, 4096, 8192);
        Assert.Equal(42, buffer.WrittenSpan[0]);
    }
}
