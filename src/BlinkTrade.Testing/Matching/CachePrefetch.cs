using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace BlinkTrade.Testing.Matching;

/// <summary>
/// Software prefetch: starts loading the cache line of a value the engine will read a little later, so that its cache
/// miss overlaps other work instead of stalling when the value is used. With a deep book a command touches several
/// unrelated random addresses (order slot, balance cell, price-level queue); issuing the independent ones early lets
/// their memory latencies run in parallel.
/// </summary>
internal static class CachePrefetch
{
    /// <summary>Hints that <paramref name="value"/> will be read soon (a no-op where the CPU has no prefetch instruction).</summary>
    /// <remarks>The address is only a hint, never dereferenced: if the GC moves the object before the line is used, the
    /// prefetch is wasted, nothing else.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Read<T>(ref T value)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref value));
        }
    }
}
