using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Users;

/// <summary>An email second-factor token the exchange sent (see <see cref="IEmailTokenSink"/>).</summary>
/// <param name="UserId">The user it was sent to.</param>
/// <param name="Email">The user's email.</param>
/// <param name="Token">The token; good for one login until <paramref name="ExpiresAt"/> (prints as <c>***</c>).</param>
/// <param name="ExpiresAt">When the exchange stops accepting it (on its <see cref="TimeProvider"/>).</param>
public sealed record EmailToken(int UserId, string Email, SecretString Token, DateTimeOffset ExpiresAt);
