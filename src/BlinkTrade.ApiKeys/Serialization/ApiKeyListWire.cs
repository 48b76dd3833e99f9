namespace BlinkTrade.ApiKeys.Serialization;

internal sealed class ApiKeyListWire
{
    public int Page { get; set; }

    public int PageSize { get; set; }

    public int Total { get; set; }

    public List<ApiKeyWire>? Rows { get; set; }
}
