using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing;

// The control API of logins: the email second factor and what the exchange received with each login.
public sealed partial class ReferenceExchange
{
    /// <summary>
    /// Turns the email second factor of a user on or off (<c>EmailTwoFactorEnabled</c> in its <c>BF</c>): while on, a
    /// login from a device the user has not trusted needs a token the exchange delivers to
    /// <see cref="ReferenceExchangeOptions.EmailTokenSink"/>. Turning it off also forgets the user's trusted devices.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="enabled">On or off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when set.</returns>
    public Task SetEmailTwoFactorAsync(int userId, bool enabled, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync(s =>
        {
            var factor = s.RequireUser(userId).EmailSecondFactor;
            factor.Enabled = enabled;
            if (!enabled)
            {
                factor.ForgetDevices();
            }
        }, cancellationToken);

    /// <summary>The latest successful logins of a user as the exchange received them (device fields included), oldest first.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>At most <see cref="LoginRecord.MaxKept"/> logins.</returns>
    public Task<IReadOnlyList<LoginRecord>> GetLoginsAsync(int userId, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync<IReadOnlyList<LoginRecord>>(s => [.. s.RequireUser(userId).Logins], cancellationToken);
}
