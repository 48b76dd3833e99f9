namespace BlinkTrade.Testing.Hosting.Rest;

// One row of the endpoint table: verb, HTTP method, rate-limit weight, who may call it and what it does.
internal sealed record ApiKeysRestEndpoint(string Verb, string Method, int Weight, ApiKeysRestAccess Access, Func<ApiKeysRestRequest, ApiKeysRestReply> Execute);
