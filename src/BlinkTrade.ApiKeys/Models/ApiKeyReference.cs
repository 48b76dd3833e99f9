namespace BlinkTrade.ApiKeys;

/// <summary>Names one API key either by its <c>apiId</c> or by its public <c>apiKey</c> string.</summary>
public readonly record struct ApiKeyReference
{
    private ApiKeyReference(string? apiId, string? apiKey)
    {
        ApiId = apiId;
        ApiKey = apiKey;
    }

    /// <summary>The key's id, when it is named by id.</summary>
    public string? ApiId { get; }

    /// <summary>The key's public key string, when it is named by key.</summary>
    public string? ApiKey { get; }

    /// <summary>Names a key by id.</summary>
    /// <param name="apiId">The id returned by create.</param>
    /// <returns>The reference.</returns>
    public static ApiKeyReference ById(string apiId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiId);
        return new ApiKeyReference(apiId, null);
    }

    /// <summary>Names a key by its public key string.</summary>
    /// <param name="apiKey">The 64-character key.</param>
    /// <returns>The reference.</returns>
    public static ApiKeyReference ByKey(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        return new ApiKeyReference(null, apiKey);
    }

    // Both contract forms of a key reference: apiId and/or apiKey, at least one.
    internal void ThrowIfEmpty()
    {
        if (ApiId is null && ApiKey is null)
        {
            throw new ArgumentException("The reference names no key; use ById or ByKey.");
        }
    }

    // The reference as POST form fields (a new dictionary the caller may add to).
    internal Dictionary<string, string> ToForm()
    {
        ThrowIfEmpty();
        var form = new Dictionary<string, string>(2);
        if (ApiId is not null)
        {
            form["apiId"] = ApiId;
        }
        if (ApiKey is not null)
        {
            form["apiKey"] = ApiKey;
        }
        return form;
    }
}
