using BlinkTrade.Testing.ApiKeys;
using BlinkTrade.Testing.Gateway.Engine;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Users;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Gateway.Dispatch;

/// <summary>
/// Everything a handler may use besides its session and request, handed to it explicitly by the dispatcher: handlers
/// do not reach back into <see cref="ExchangeRuntime"/> (which owns these and the sessions' lifecycle).
/// </summary>
/// <param name="Actor">The single writer over the exchange's state (users, engine, funding, market data).</param>
/// <param name="Options">The exchange's options (limits, timeouts, hashing cost).</param>
/// <param name="TimeProvider">The exchange's clock.</param>
/// <param name="ApiKeys">The API keys (shared with the REST endpoints).</param>
/// <param name="PasswordHasher">Every PBKDF2 check and hash: bounded, FIFO, off the thread pool and the actor.</param>
/// <param name="LoginThrottle">Failed-login throttling per username and per address.</param>
/// <param name="LoginDeadlines">Closes sessions that neither log in nor subscribe in time.</param>
/// <param name="SecondFactor">Checks second-factor codes.</param>
/// <param name="DummyPassword">Verified against when a login names no user (a missing user costs what a wrong password does).</param>
/// <param name="Logger">The gateway's log.</param>
/// <param name="Registry">The logged-in sessions by user (publications to a user's other sessions).</param>
internal sealed record GatewayServices(
    ExchangeActor<ExchangeState> Actor,
    ReferenceExchangeOptions Options,
    TimeProvider TimeProvider,
    ApiKeyStore ApiKeys,
    PasswordHasher PasswordHasher,
    LoginThrottle LoginThrottle,
    LoginDeadlines LoginDeadlines,
    ISecondFactorCodeProvider SecondFactor,
    PasswordHash DummyPassword,
    ILogger Logger,
    SessionRegistry Registry)
{
    /// <summary>Builds a reply on the actor (reading the state it needs) and sends it to the session.</summary>
    public async ValueTask ReplyAsync(ExchangeSession session, Func<ExchangeState, byte[]> reply, CancellationToken cancellationToken)
        => session.Send(await Actor.InvokeAsync(reply, cancellationToken).ConfigureAwait(false));
}
