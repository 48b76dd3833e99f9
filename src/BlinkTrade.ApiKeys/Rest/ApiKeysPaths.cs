namespace BlinkTrade.ApiKeys.Rest;

// The contract's base path, shared by the Refit interfaces (routes) and the log lines (paths without queries).
internal static class ApiKeysPaths
{
    public const string Base = "api/v1/apikey/";
}
