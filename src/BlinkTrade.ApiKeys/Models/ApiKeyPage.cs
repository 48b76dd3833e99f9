namespace BlinkTrade.ApiKeys;

/// <summary>One page of the key list.</summary>
public class ApiKeyPage
{
    /// <summary>For mocking.</summary>
    protected ApiKeyPage() => Rows = [];

    internal ApiKeyPage(int page, int pageSize, int total, IReadOnlyList<ApiKeyInfo> rows)
    {
        Page = page;
        PageSize = pageSize;
        Total = total;
        Rows = rows;
    }

    /// <summary>The 1-based page number.</summary>
    public virtual int Page { get; }

    /// <summary>The page size used by the server.</summary>
    public virtual int PageSize { get; }

    /// <summary>The number of keys matching the query, over all pages.</summary>
    public virtual int Total { get; }

    /// <summary>The keys on this page.</summary>
    public virtual IReadOnlyList<ApiKeyInfo> Rows { get; }
}
