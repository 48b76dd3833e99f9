namespace BlinkTrade.ApiKeys;

/// <summary>A successful answer together with the HTTP facts a caller may need (status, used rate-limit weight).</summary>
/// <typeparam name="T">The answer's model.</typeparam>
public class ApiKeysResponse<T>
{
    /// <summary>Creates a response (used by <see cref="ApiKeysModelFactory"/> and mocks).</summary>
    /// <param name="value">The model.</param>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="usedWeight1M">The <c>X-USED-WEIGHT-1M</c> header, when present.</param>
    protected internal ApiKeysResponse(T value, int status, int? usedWeight1M)
    {
        Value = value;
        Status = status;
        UsedWeight1M = usedWeight1M;
    }

    /// <summary>The model.</summary>
    public virtual T Value { get; }

    /// <summary>The HTTP status code (200).</summary>
    public virtual int Status { get; }

    /// <summary>Rate-limit weight used by this client IP in the current minute (<c>X-USED-WEIGHT-1M</c>).</summary>
    public virtual int? UsedWeight1M { get; }

    /// <summary>The model.</summary>
    /// <param name="response">The response.</param>
#pragma warning disable CA2225 // Value is the named alternative.
    public static implicit operator T(ApiKeysResponse<T> response)
#pragma warning restore CA2225
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Value;
    }
}
