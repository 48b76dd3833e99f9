namespace BlinkTrade.Testing.Hosting.Rest.Wire;

internal sealed class RestListBody
{
    public int Page { get; init; }

    public int PageSize { get; init; }

    public int Total { get; init; }

    public required IReadOnlyList<RestListRow> Rows { get; init; }
}
