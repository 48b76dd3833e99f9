namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>
/// Test hook of the REST host: fails or delays upcoming requests so client retry policies can be tested against
/// the real endpoints, and counts the requests each verb received (to prove a POST was not repeated).
/// </summary>
public sealed class ApiKeysFaultInjector
{
    private readonly object _gate = new();
    private readonly List<ApiKeysFault> _planned = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Fails the next <paramref name="count"/> matching requests with <paramref name="statusCode"/> (a -1000 body).</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="statusCode">A 5xx status (default 500).</param>
    /// <param name="verb">Only this verb, or any.</param>
    /// <param name="afterExecution">Execute the request first, then answer the error instead of the result.</param>
    public void FailNext(int count, int statusCode = 500, string? verb = null, bool afterExecution = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        Plan(count, new ApiKeysFault(statusCode, TimeSpan.Zero, afterExecution, verb));
    }

    /// <summary>Stalls the next <paramref name="count"/> matching requests by <paramref name="delay"/> (on the host's clock).</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="delay">The stall.</param>
    /// <param name="verb">Only this verb, or any.</param>
    public void DelayNext(int count, TimeSpan delay, string? verb = null) => Plan(count, new ApiKeysFault(null, delay, false, verb));

    /// <summary>Makes the handler throw on the next <paramref name="count"/> matching requests (an unexpected server bug).</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="verb">Only this verb, or any.</param>
    public void ThrowNext(int count, string? verb = null) => Plan(count, new ApiKeysFault(null, TimeSpan.Zero, false, verb, Throw: true));

    /// <summary>Drops planned faults and resets the counters.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _planned.Clear();
            _counts.Clear();
        }
    }

    /// <summary>How many requests <paramref name="verb"/> received (including refused and failed ones).</summary>
    /// <param name="verb">For example <c>create</c>.</param>
    /// <returns>The count.</returns>
    public int RequestCount(string verb)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(verb);
        }
    }

    // Counts the request and takes the first planned fault that applies to it.
    internal ApiKeysFault? OnRequest(string verb)
    {
        lock (_gate)
        {
            _counts[verb] = _counts.GetValueOrDefault(verb) + 1;
            var index = _planned.FindIndex(f => f.Verb is null || string.Equals(f.Verb, verb, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }
            var fault = _planned[index];
            _planned.RemoveAt(index);
            return fault;
        }
    }

    private void Plan(int count, ApiKeysFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _planned.Add(fault);
            }
        }
    }
}
