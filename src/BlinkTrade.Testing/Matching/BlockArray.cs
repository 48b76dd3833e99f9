using System.Runtime.CompilerServices;

namespace BlinkTrade.Testing.Matching;

/// <summary>One <typeparamref name="T"/> per 64-tick block of a <see cref="BookPage"/>, stored inside the page object (see
/// <see cref="TickArray{T}"/>).</summary>
/// <typeparam name="T">Entry type.</typeparam>
[InlineArray(BookPage.Blocks)]
internal struct BlockArray<T>
{
    private T _first;
}
