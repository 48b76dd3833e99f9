using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway.Trading;

/// <summary>
/// Resolves the account a request acts on. Without ClientID it is the session's own; with one (id, username or
/// email) it must be the caller himself or — for a broker — one of the broker's customers. Anything else is refused,
/// so no user can read or act on another user's orders, balances or keys.
/// </summary>
internal static class AccountResolver
{
    public static UserAccount Resolve(ExchangeState state, SessionIdentity identity, GatewayRequest message, string field = "ClientID")
        => Resolve(state, identity, message.GetOptionalString(field), field);

    /// <summary>The account named by <paramref name="clientId"/> (id, username or email; none = the session's own).</summary>
    public static UserAccount Resolve(ExchangeState state, SessionIdentity identity, string? clientId, string field = "ClientID")
    {
        var self = state.RequireUser(identity.UserId);
        if (clientId is null || clientId.Length == 0)
        {
            return self;
        }
        var target = int.TryParse(clientId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? state.Directory.FindUser(id)
            : state.Directory.FindByLogin(clientId);
        if (target is null)
        {
            throw new GatewayException(GatewayErrors.InvalidClientId, $"Unknown {field}");
        }
        if (CanActFor(self, target.UserId, target.BrokerId))
        {
            return target;
        }
        throw new GatewayException(GatewayErrors.NotAuthorized, $"{field} is not yours");
    }

    /// <summary>Whether <paramref name="self"/> may read or act on the account <paramref name="userId"/> of broker
    /// <paramref name="brokerId"/>: his own, or — for a broker — one of the broker's customers.</summary>
    public static bool CanActFor(UserAccount self, int userId, int brokerId)
        => userId == self.UserId || (self.IsBroker && brokerId == self.BrokerId);
}
