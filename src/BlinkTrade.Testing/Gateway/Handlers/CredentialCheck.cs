using BlinkTrade.Testing.ApiKeys;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>What the hashing thread found for a login: locked out (and for how long), a user's password, an API key, or nothing.</summary>
internal sealed record CredentialCheck(TimeSpan? LockedFor, bool UserPasswordOk, ApiKeyEntry? ApiKey);
