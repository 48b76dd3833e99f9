using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace BlinkTrade.Testing.Collections;

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

    /// <summary>Hints that the fields of <paramref name="instance"/> will be read soon.</summary>
    /// <remarks>Reinterpreting the object as a <see cref="StrongBox{T}"/> only yields the address of its first field, which is
    /// never dereferenced here.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadObject(object instance) => Read(ref Unsafe.As<StrongBox<byte>>(instance).Value);
}
