using System.Security.Cryptography;
using BlinkTrade.Testing.Gateway.Handlers;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway;

internal sealed partial class ExchangeState
{
    public LoginCandidate? FindLoginCandidate(string login)
    {
        var user = Directory.FindByLogin(login);
        return user is null ? null : ToCandidate(user);
    }

    public LoginCandidate? FindLoginCandidate(int userId)
    {
        var user = Directory.FindUser(userId);
        return user is null ? null : ToCandidate(user);
    }

    public UserAccount RequireUser(int userId) => Directory.FindUser(userId) ?? throw new InvalidOperationException($"User {userId} does not exist.");

    /// <summary>Creates a user with a fresh id (signup and the control API). Returns null when the name or email is taken.</summary>
    public UserAccount? CreateUser(int brokerId, string username, string email, PasswordHash password, int verified = 0)
    {
        if (Directory.IsTaken(username, email))
        {
            return null;
        }
        var user = Directory.AddUser(new UserAccount
        {
            UserId = Directory.NextUserId(),
            BrokerId = brokerId,
            Username = username,
            Email = email,
            Password = password,
            Verified = verified,
            Created = Now,
        });
        Engine.Accounts.OpenAccount(user.BrokerId, user.UserId);
        return user;
    }

    /// <summary>Starts a password reset: stores a one-time token (the "email" the tests read through the control API).</summary>
    public bool CreateResetToken(string email)
    {
        var user = Directory.FindByEmail(email);
        if (user is null)
        {
            return false;
        }
        user.ResetToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return true;
    }

    public UserAccount? FindByResetToken(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        foreach (var user in Directory.Users)
        {
            if (user.ResetToken is { } expected && CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(token)))
            {
                return user;
            }
        }
        return null;
    }

    /// <summary>A session ended: its market-data subscriptions go, and with cancel-on-disconnect its owner's open orders.</summary>
    public void OnSessionClosed(ExchangeSession session, SessionIdentity? identity)
    {
        MarketData.RemoveSession(session);
        if (identity is { CancelOnDisconnect: true })
        {
            Engine.CancelAllOrders(new CancelAllOrders { BrokerId = identity.BrokerId, UserId = identity.UserId, Timestamp = NowTicks });
            PublishEngineEvents();
        }
    }

    /// <summary>After U38: fee changes reach the engine for orders entered afterwards.</summary>
    public void OnProfileChanged(UserAccount user) => Engine.Accounts.SetUserFees(user.BrokerId, user.UserId, new FeeRates
    {
        MakerBuyBps = user.MakerFeeBuyBps,
        MakerSellBps = user.MakerFeeSellBps,
        TakerBuyBps = user.TakerFeeBuyBps ?? user.MakerFeeBuyBps,
        TakerSellBps = user.TakerFeeSellBps ?? user.MakerFeeSellBps,
    });

    private static LoginCandidate ToCandidate(UserAccount user) =>
        new(user.UserId, user.BrokerId, user.Username, user.IsBroker, user.Password, user.TwoFactorEnabled, user.TwoFactorSecret);
}
