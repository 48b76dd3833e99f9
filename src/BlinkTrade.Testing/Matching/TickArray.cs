using System.Runtime.CompilerServices;

namespace BlinkTrade.Testing.Matching;

/// <summary>One <typeparamref name="T"/> per tick of a <see cref="BookPage"/>, stored inside the page object itself: reaching a
/// tick's entry is one load from the page (no separate array object to load first), and an index masked to the page's
/// tick range needs no bounds check.</summary>
/// <typeparam name="T">Entry type.</typeparam>
[InlineArray(BookPage.Size)]
internal struct TickArray<T>
{
    private T _first;
}
