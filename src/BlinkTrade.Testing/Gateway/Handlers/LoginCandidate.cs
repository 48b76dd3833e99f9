using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>What login needs of a user, copied off the actor so the PBKDF2 check runs outside it.</summary>
internal sealed record LoginCandidate(int UserId, int BrokerId, string Username, bool IsBroker, PasswordHash Password, bool TwoFactorEnabled, string? TwoFactorSecret);
