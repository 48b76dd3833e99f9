using System.Text.Json.Serialization.Metadata;

namespace BlinkTrade.Testing.Hosting.Rest;

// An answer computed but not yet written, so an injected "after execution" fault can replace it.
internal sealed record ApiKeysRestReply(int StatusCode, object Body, JsonTypeInfo TypeInfo, TimeSpan? RetryAfter = null);
