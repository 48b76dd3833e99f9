using System.Text;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// What the hand-written <c>PrintMembers</c> of records holding collections use: the compiler's record printer
/// prints a collection by its type name (<c>System.Collections.Generic.List`1[…]</c>), these print the contents,
/// bounded so a page of thousands of rows cannot flood a log line.
/// </summary>
/// <remarks>
/// Elements print with their own <see cref="object.ToString"/>, so a <see cref="SecretString"/> inside stays
/// <c>***</c>. Unknown wire fields (<see cref="ProtocolRecord.ExtensionData"/>) print by name only: a field this SDK does
/// not model could be a credential, so its value never reaches a log.
/// </remarks>
internal static class RecordText
{
    /// <summary>How many elements of one collection are printed; the rest are counted.</summary>
    internal const int MaxItems = 10;

    /// <summary>Appends <c>Name = value</c> for each member, in the compiler's format (<c>, </c> between members).</summary>
    /// <param name="builder">The record's text so far.</param>
    /// <param name="printedBefore">Whether the base record printed members (the value its <c>PrintMembers</c> returned).</param>
    /// <param name="members">The members, in declaration order; a <see langword="null"/> value prints as nothing, as the compiler does.</param>
    /// <returns>Whether anything has been printed (the <c>PrintMembers</c> contract).</returns>
    public static bool Print(StringBuilder builder, bool printedBefore, params ReadOnlySpan<(string Name, object? Value)> members)
    {
        foreach (var (name, value) in members)
        {
            if (printedBefore)
            {
                builder.Append(", ");
            }
            builder.Append(name).Append(" = ").Append(value);
            printedBefore = true;
        }
        return printedBefore;
    }

    /// <summary>The elements: <c>[a, b, … (+N more)]</c>; <see langword="null"/> for no collection.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The collection.</param>
    /// <returns>The text.</returns>
    public static string? List<T>(IEnumerable<T>? items) =>
        items is null ? null : Bounded(items, "[", "]", static (b, item) => b.Append(item));

    /// <summary>The entries: <c>{ key: value, … (+N more) }</c>; <see langword="null"/> for no dictionary.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="entries">The dictionary.</param>
    /// <returns>The text.</returns>
    public static string? Map<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>>? entries) =>
        entries is null ? null : Bounded(entries, "{ ", " }", static (b, entry) => b.Append(entry.Key).Append(": ").Append(entry.Value), "{}");

    /// <summary>The names of unknown wire fields, never their values; <see langword="null"/> when there are none.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="fields">The fields by name.</param>
    /// <returns>The text.</returns>
    public static string? Names<TValue>(IDictionary<string, TValue>? fields) =>
        fields is null || fields.Count == 0 ? null : List(fields.Keys);

    private static string Bounded<T>(IEnumerable<T> items, string open, string close, Action<StringBuilder, T> append, string empty = "[]")
    {
        var builder = new StringBuilder(open);
        var count = 0;
        foreach (var item in items)
        {
            if (count < MaxItems)
            {
                if (count > 0)
                {
                    builder.Append(", ");
                }
                append(builder, item);
            }
            count++;
        }
        if (count == 0)
        {
            return empty;
        }
        if (count > MaxItems)
        {
            builder.Append(", … (+").Append(count - MaxItems).Append(" more)");
        }
        return builder.Append(close).ToString();
    }
}
