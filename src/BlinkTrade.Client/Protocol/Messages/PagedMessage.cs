using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Base of the paged list requests and of the responses that answer them: a correlation id (each message's own wire
/// field, e.g. <c>LedgerListReqID</c>) followed by <see cref="Page"/> and <see cref="PageSize"/>.
/// </summary>
/// <remarks>
/// On the wire and in <see cref="object.ToString"/> the members keep the order the messages always had: <c>MsgType</c>,
/// the correlation id, <c>Page</c>, <c>PageSize</c>, then the message's own fields.
/// </remarks>
public abstract record PagedMessage : BlinkTradeMessage
{
    /// <summary>
    /// The <see cref="JsonPropertyOrderAttribute"/> of each derived message's <c>MsgType</c> and correlation id, so both
    /// precede <see cref="Page"/>. <c>MsgType</c> needs it too: the order on <see cref="BlinkTradeMessage.MsgType"/> does
    /// not reach its overrides, and without it the serializer writes a derived record's own properties before the base's.
    /// </summary>
    internal const int HeaderOrder = -2;

    private const int PageOrder = -1;

    /// <summary>Zero-based page (a response echoes the request's).</summary>
    [JsonPropertyOrder(PageOrder)]
    public int? Page { get; init; }

    /// <summary>Rows per page (a response echoes the request's).</summary>
    [JsonPropertyOrder(PageOrder)]
    public int? PageSize { get; init; }

    /// <summary>The message's correlation id, by its wire name, for <see cref="PrintMembers"/>.</summary>
    private protected abstract (string Name, object? Value) ReqIDMember { get; }

    /// <summary>Prints the message type, the correlation id, the page and the page size.</summary>
    /// <param name="builder">The record's text so far.</param>
    /// <returns>Whether anything was printed (always: the message type).</returns>
    protected override bool PrintMembers(StringBuilder builder) =>
        RecordText.Print(builder, base.PrintMembers(builder), ReqIDMember, (nameof(Page), Page), (nameof(PageSize), PageSize));
}
