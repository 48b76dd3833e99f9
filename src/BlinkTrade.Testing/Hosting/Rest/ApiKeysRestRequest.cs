using BlinkTrade.Testing.ApiKeys;
using Microsoft.Extensions.Primitives;

namespace BlinkTrade.Testing.Hosting.Rest;

// One authenticated call: the caller's key and its parameters (query and form body merged; query first).
internal sealed class ApiKeysRestRequest
{
    public ApiKeysRestRequest(ApiKeyEntry caller, Dictionary<string, StringValues> parameters)
    {
        Caller = caller;
        Parameters = parameters;
    }

    public ApiKeyEntry Caller { get; }

    public Dictionary<string, StringValues> Parameters { get; }

    public string? Get(string name) =>
        Parameters.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
