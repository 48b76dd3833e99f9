using BlinkTrade.Testing.ApiKeys;
using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>Heartbeat, login/logout/change password (BE), signup (U0), password reset (U10/U12), two-factor (U16).</summary>
internal static class SessionHandlers
{
    public const string InvalidUsernameOrPassword = "MSG_LOGIN_ERROR_INVALID_USERNAME_OR_PASSWORD";
    public const string InvalidPassword = "MSG_LOGIN_ERROR_INVALID_PASSWORD";
    public const string InvalidSecondStep = "MSG_LOGIN_ERROR_INVALID_SECOND_STEP";
    public const string AlreadyUsedSecondStep = "MSG_LOGIN_ERROR_ALREADY_USED_SECOND_STEP";
    public const string InvalidBroker = "MSG_LOGIN_ERROR_INVALID_BROKER";
    public const string UsernameTaken = "MSG_LOGIN_ERROR_USERNAME_ALREADY_TAKEN";
    public const string PasswordChanged = "MSG_SUCCESS_PASSWORD_CHANGE";
    public const string InvalidSecurityCode = "MSG_CHANGE_PASSWORD_INVALID_SECURITY_CODE";

    /// <summary>The UserStatusText prefix of a login refused by throttling (followed by when to try again).</summary>
    public const string TooManyFailedLogins = "MSG_LOGIN_ERROR_TOO_MANY_ATTEMPTS";

    /// <summary>1 (or 0) → 0 with TestReqID and SendTime echoed and ServerTimestamp in unix seconds (§1.4).</summary>
    public static ValueTask HeartbeatAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        message.Require("TestReqID");
        if (message.RequestId is null)
        {
            throw GatewayException.InvalidValue("TestReqID", System.Text.Encoding.UTF8.GetString(message.GetRaw("TestReqID")!.Value.Span));
        }
        var now = services.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        // TestReqID and SendTime go back exactly as sent (any JSON the client chose), the rest from the record.
        session.Send(FrameEncoder.Encode(new Heartbeat { ServerTimestamp = now }, message, "SendTime"));
        return ValueTask.CompletedTask;
    }

    /// <summary>BE, decoded into the SDK's <see cref="UserRequest"/>: login, logout or change password by UserReqTyp.</summary>
    public static ValueTask UserRequestAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        // CancelOnDisconnect is a flag to the exchange (true/false, 1/0, "1"/"0"), where the record keeps the wire text.
        var request = message.Read<UserRequest>("CancelOnDisconnect");
        message.Require("UserReqTyp");
        return request.UserReqTyp.Value switch
        {
            "1" => LoginAsync(services, session, message, request, cancellationToken),
            "2" => LogoutAsync(session, message),
            "3" => ChangePasswordAsync(services, session, message, request, cancellationToken),
            var other => throw GatewayException.InvalidValue("UserReqTyp", other),
        };
    }

    private static async ValueTask LoginAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, UserRequest request, CancellationToken cancellationToken)
    {
        if (session.Identity is not null)
        {
            throw new GatewayException(GatewayErrors.UserAlreadyLoggedIn, string.Empty);
        }
        var username = request.Username ?? throw GatewayException.MissingTag("Username");
        var password = Secret(request.Password, "Password");
        var brokerId = request.BrokerID;
        var secondFactor = request.SecondFactor?.Reveal();
        var cancelOnDisconnect = message.GetOptionalBoolean("CancelOnDisconnect") ?? false;
        var runtime = services;

        // Throttled on arrival (a locked-out guess never queues for hashing) and again on the hashing thread.
        if (runtime.LoginThrottle.IsLocked(username, session.RemoteIp, out var retryAfter))
        {
            SendThrottled(services, session, message, retryAfter);
            return;
        }
        // Waiting in the hashing queue is not the client's fault: no login deadline meanwhile; a failure starts a fresh one
        // (SendLoginFailure, before the refusal goes out; the finally covers an attempt that ends in an exception).
        runtime.LoginDeadlines.Pause(session);
        try
        {
            await LoginCheckedAsync(services, session, message, request, username, password, brokerId, secondFactor, cancelOnDisconnect, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            runtime.LoginDeadlines.Resume(session);
        }
    }

    private static async Task LoginCheckedAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, UserRequest request, string username, string password,
        int? brokerId, string? secondFactor, bool cancelOnDisconnect, CancellationToken cancellationToken)
    {
        var runtime = services;
        var candidate = await runtime.Actor.InvokeAsync(s => s.FindLoginCandidate(username), cancellationToken).ConfigureAwait(false);
        // PBKDF2 runs on the bounded hashing threads, first come first served, never on the thread pool or the actor.
        var check = await runtime.PasswordHasher.RunAsync(() => CheckCredentials(runtime, candidate, username, password, session.RemoteIp), cancellationToken)
            .ConfigureAwait(false);
        if (check.LockedFor is { } lockedFor)
        {
            SendThrottled(services, session, message, lockedFor);
            return;
        }
        SessionIdentity? identity = null;
        if (candidate is not null && check.UserPasswordOk)
        {
            if (brokerId is { } requested && requested != candidate.BrokerId && !candidate.IsBroker)
            {
                SendLoginFailure(services, session, message, InvalidBroker, needSecondFactor: false);
                return;
            }
            var otpMissing = candidate.TwoFactorEnabled && string.IsNullOrEmpty(secondFactor);
            if (candidate.TwoFactorEnabled && !otpMissing &&
                (candidate.TwoFactorSecret is null || !runtime.SecondFactor.IsValid(candidate.UserId, candidate.TwoFactorSecret, secondFactor!)))
            {
                // A missing code is the normal first step of a 2FA login; a wrong one is a guess.
                runtime.LoginThrottle.RecordFailure(username, session.RemoteIp);
                SendLoginFailure(services, session, message, InvalidSecondStep, needSecondFactor: true);
                return;
            }
            if (!await PassesEmailSecondStepAsync(services, session, message, request, candidate, username, otpMissing, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
            identity = new SessionIdentity(candidate.UserId, candidate.BrokerId, candidate.Username, candidate.IsBroker, null, null, cancelOnDisconnect);
        }
        else if (check.ApiKey is { } key)
        {
            // Not a user: an API key + API password (PROTOCOL.md §4.3).
            identity = await ResolveApiKeyIdentityAsync(services, key, cancelOnDisconnect, cancellationToken).ConfigureAwait(false);
            if (identity is null)
            {
                runtime.LoginThrottle.RecordFailure(username, session.RemoteIp);
            }
        }
        if (identity is null)
        {
            SendLoginFailure(services, session, message, InvalidUsernameOrPassword, needSecondFactor: false);
            return;
        }

        runtime.LoginThrottle.RecordSuccess(username);
        session.SetIdentity(identity);
        runtime.LoginDeadlines.Clear(session);
        GatewayLog.LoggedIn(runtime.Logger, session.Id, identity.UserId, identity.BrokerId, identity.IsApiKey);
        var login = new LoginRecord(runtime.TimeProvider.GetUtcNow(), request.FingerPrint, request.UserAgent, request.UserAgentLanguage, request.UserAgentTimezoneOffset,
            request.UserAgentPlatform, message.GetOptionalBoolean("TrustedDevice") ?? false, request.Token is not null && identity.ApiKey is null);
        var frame = await runtime.Actor.InvokeAsync(s =>
        {
            s.RecordLogin(identity.UserId, login);
            return LoginResponse(s, identity, message);
        }, cancellationToken).ConfigureAwait(false);
        session.Send(frame);
    }

    /// <summary>
    /// The email second factor (PROTOCOL.md §2.1 <c>Token</c>, <c>TrustedDevice</c>) of a login whose password passed:
    /// from a trusted device (its <c>FingerPrint</c>) or for a user without it, nothing to do. Otherwise a login without
    /// <c>Token</c> gets a new token delivered to <see cref="ReferenceExchangeOptions.EmailTokenSink"/> and is refused
    /// with <c>NeedSecondFactor</c> and <c>SecondFactorType "EMAIL"</c> (<c>"OTP+EMAIL"</c> while the one-time password
    /// is missing too); a wrong or expired token gets <c>MSG_LOGIN_ERROR_INVALID_SECOND_STEP</c> (a wrong one counts as
    /// a failed login), a used one <c>MSG_LOGIN_ERROR_ALREADY_USED_SECOND_STEP</c>.
    /// </summary>
    /// <returns>Whether the login may proceed; when not, the refusal was sent.</returns>
    private static async Task<bool> PassesEmailSecondStepAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, UserRequest request,
        LoginCandidate candidate, string username, bool otpMissing, CancellationToken cancellationToken)
    {
        var token = request.Token?.Reveal();
        var fingerPrint = request.FingerPrint;
        var trust = message.GetOptionalBoolean("TrustedDevice") ?? false;
        var lifetime = services.Options.EmailTokenLifetime;
        var step = await services.Actor.InvokeAsync(s => s.EmailSecondStep(candidate.UserId, token, fingerPrint, trust, check: !otpMissing, lifetime), cancellationToken)
            .ConfigureAwait(false);
        if (step.Issued is { } issued)
        {
            services.Options.EmailTokenSink?.Deliver(issued);
        }
        if (otpMissing)
        {
            SendLoginFailure(services, session, message, InvalidSecondStep, needSecondFactor: true, step.Required ? SecondFactorType.OtpAndEmail : SecondFactorType.Otp);
            return false;
        }
        if (step.Passed)
        {
            return true;
        }
        if (step.Check == EmailTokenCheck.Invalid)
        {
            services.LoginThrottle.RecordFailure(username, session.RemoteIp);
        }
        SendLoginFailure(services, session, message, step.Check == EmailTokenCheck.AlreadyUsed ? AlreadyUsedSecondStep : InvalidSecondStep, needSecondFactor: true,
            SecondFactorType.Email);
        return false;
    }

    // Runs on a hashing thread. The second throttle check sees the failures recorded by the attempts queued ahead of
    // this one, so parallel guesses at one account stop at the limit (plus the attempts hashing at that moment).
    private static CredentialCheck CheckCredentials(GatewayServices runtime, LoginCandidate? candidate, string username, string password, string remoteIp)
    {
        if (runtime.LoginThrottle.IsLocked(username, remoteIp, out var lockedFor))
        {
            return new CredentialCheck(lockedFor, false, null);
        }
        // An unknown user costs the same as a wrong password.
        var passwordOk = (candidate?.Password ?? runtime.DummyPassword).Verify(password) && candidate is not null;
        if (passwordOk)
        {
            return new CredentialCheck(null, true, null);
        }
        var key = runtime.ApiKeys.AuthenticateWithPassword(username, password, remoteIp);
        if (key is null)
        {
            runtime.LoginThrottle.RecordFailure(username, remoteIp);
        }
        return new CredentialCheck(null, false, key);
    }

    private static void SendThrottled(GatewayServices services, ExchangeSession session, GatewayRequest message, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        GatewayLog.LoginThrottled(services.Logger, session.Id, seconds);
        SendLoginFailure(services, session, message, $"{TooManyFailedLogins}: too many failed logins; try again in {seconds} seconds", needSecondFactor: false);
    }

    /// <summary>A successful BF (UserStatus 1) for a session that just logged in.</summary>
    public static byte[] LoginResponse(ExchangeState state, SessionIdentity identity, GatewayRequest request)
    {
        var user = state.RequireUser(identity.UserId);
        return FrameEncoder.Encode(ProfileRecords.WithUser(new UserResponse
        {
            UserStatus = UserStatus.LoggedIn,
            PermissionList = identity.PermissionList is { } list ? ApiKeyHandlers.ToRecord(list) : AllPermissions,
            CancelOnDisconnect = identity.CancelOnDisconnect,
        }, state, user, identity), request);
    }

    // A password login may send every message: {"*":[]}.
    private static readonly PermissionList AllPermissions = PermissionList.AllowAll;

    private static void SendLoginFailure(GatewayServices services, ExchangeSession session, GatewayRequest message, string reason, bool needSecondFactor,
        SecondFactorType? secondFactorType = null)
    {
        GatewayLog.LoginRefused(services.Logger, session.Id, reason);
        services.LoginDeadlines.Resume(session); // a paused login's fresh deadline, armed before the client can see the refusal
        session.Send(FrameEncoder.Encode(new UserResponse
        {
            Username = string.Empty,
            UserStatus = UserStatus.Failed,
            NeedSecondFactor = needSecondFactor,
            UserStatusText = reason,
            SecondFactorType = needSecondFactor ? secondFactorType ?? SecondFactorType.Otp : null,
        }, message));
    }

    private static ValueTask LogoutAsync(ExchangeSession session, GatewayRequest message)
    {
        var identity = session.Identity ?? throw GatewayException.NotAuthorized("Login required");
        session.SetIdentity(null);
        session.Send(FrameEncoder.Encode(new UserResponse { UserID = identity.UserId, Username = identity.Username, UserStatus = UserStatus.LoggedOut }, message));
        return ValueTask.CompletedTask;
    }

    private static async ValueTask ChangePasswordAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, UserRequest request, CancellationToken cancellationToken)
    {
        var identity = session.Identity ?? throw GatewayException.NotAuthorized("Login required");
        if (identity.PermissionList is not null && !Permissions.PermissionEvaluator.IsAllowed(identity.PermissionList, "BE", message.Root))
        {
            throw GatewayException.NotAuthorized("Permission denied for BE");
        }
        var current = Secret(request.Password, "Password");
        var next = Secret(request.NewPassword, "NewPassword");
        if (next.Length < 8)
        {
            throw GatewayException.InvalidParameter("NewPassword must have at least 8 characters");
        }
        var runtime = services;
        var candidate = await runtime.Actor.InvokeAsync(s => s.FindLoginCandidate(identity.UserId), cancellationToken).ConfigureAwait(false)
            ?? throw GatewayException.NotAuthorized();
        string? failure = null;
        if (!await runtime.PasswordHasher.VerifyAsync(candidate.Password, current, cancellationToken).ConfigureAwait(false))
        {
            failure = InvalidPassword;
        }
        else if (candidate.TwoFactorEnabled && (request.SecondFactor?.Reveal() is not { Length: > 0 } code ||
                                                !runtime.SecondFactor.IsValid(candidate.UserId, candidate.TwoFactorSecret ?? string.Empty, code)))
        {
            failure = InvalidSecondStep;
        }
        if (failure is null)
        {
            var hash = await runtime.PasswordHasher.HashAsync(next, runtime.Options.PasswordHashIterations, cancellationToken).ConfigureAwait(false);
            await runtime.Actor.InvokeAsync(s => s.RequireUser(identity.UserId).Password = hash, cancellationToken).ConfigureAwait(false);
        }
        session.Send(FrameEncoder.Encode(new UserResponse
        {
            UserReqTyp = UserRequestType.ChangePassword,
            UserStatus = UserStatus.Failed, // sic: bitex answers 3 on success too (§5 G7)
            UserStatusText = failure ?? PasswordChanged,
            NeedSecondFactor = failure == InvalidSecondStep,
        }, message));
    }

    /// <summary>U0 → BF: creates the user and logs the session in (engine-2015 behaviour).</summary>
    public static async ValueTask SignupAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        if (session.Identity is not null)
        {
            throw new GatewayException(GatewayErrors.UserAlreadyLoggedIn, string.Empty);
        }
        var signup = message.Read<Signup>();
        var username = (signup.Username ?? throw GatewayException.MissingTag("Username")).Trim();
        var password = Secret(signup.Password, "Password");
        var email = (signup.Email ?? throw GatewayException.MissingTag("Email")).Trim();
        message.Require("BrokerID");
        var brokerId = signup.BrokerID;
        if (username.Length is < 3 or > 15)
        {
            throw GatewayException.InvalidValue("Username", username);
        }
        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal))
        {
            throw GatewayException.InvalidValue("Email", email);
        }
        if (password.Length < 8)
        {
            throw GatewayException.InvalidParameter("Password must have at least 8 characters");
        }
        var runtime = services;
        var hash = await runtime.PasswordHasher.HashAsync(password, runtime.Options.PasswordHashIterations, cancellationToken).ConfigureAwait(false);
        var state = signup.State;
        var country = signup.CountryCode;
        var (user, failure) = await runtime.Actor.InvokeAsync(s =>
        {
            if (s.Directory.FindBroker(brokerId) is null)
            {
                return ((SessionIdentity?)null, InvalidBroker);
            }
            var created = s.CreateUser(brokerId, username, email, hash);
            if (created is null)
            {
                return (null, UsernameTaken);
            }
            created.State = state;
            created.CountryCode = country;
            return (new SessionIdentity(created.UserId, brokerId, created.Username, false, null, null, false), (string?)null);
        }, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            SendLoginFailure(services, session, message, failure!, needSecondFactor: false);
            return;
        }
        session.SetIdentity(user);
        runtime.LoginDeadlines.Clear(session);
        var frame = await runtime.Actor.InvokeAsync(s => LoginResponse(s, user, message), cancellationToken).ConfigureAwait(false);
        session.Send(frame);
    }

    /// <summary>U10 → U11 (Success 1 when the email exists). The token is readable through the control API.</summary>
    public static async ValueTask CreatePasswordResetAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var email = message.Read<PasswordResetRequest>().Email ?? throw GatewayException.MissingTag("Email");
        var ok = await services.Actor.InvokeAsync(s => s.CreateResetToken(email), cancellationToken).ConfigureAwait(false);
        session.Send(FrameEncoder.Encode(new PasswordResetResponse { Success = ok ? 1 : 0 }, message));
    }

    /// <summary>U12 → U13: sets the password from a reset token.</summary>
    public static async ValueTask ProcessPasswordResetAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var request = message.Read<ProcessPasswordResetRequest>();
        var token = Secret(request.Token, "Token");
        var next = Secret(request.NewPassword, "NewPassword");
        var runtime = services;
        var hash = await runtime.PasswordHasher.HashAsync(next, runtime.Options.PasswordHashIterations, cancellationToken).ConfigureAwait(false);
        var ok = await runtime.Actor.InvokeAsync(s =>
        {
            var user = s.FindByResetToken(token);
            if (user is null || next.Length < 8)
            {
                return false;
            }
            user.Password = hash;
            user.ResetToken = null;
            return true;
        }, cancellationToken).ConfigureAwait(false);
        session.Send(FrameEncoder.Encode(new ProcessPasswordResetResponse
        {
            UserStatus = ok ? UserStatus.LoggedIn : UserStatus.Failed,
            UserStatusText = ok ? PasswordChanged : InvalidSecurityCode,
        }, message));
    }

    /// <summary>
    /// U16 → U17 (§2.1): Enable without Secret issues a secret; Enable with that Secret and a valid Code turns 2FA on;
    /// Enable:false turns it off. A broker may turn a customer's off (ClientID, as <see cref="Trading.AccountResolver"/>
    /// resolves it); turning it on for anyone else is refused, as it needs that user's code.
    /// </summary>
    public static async ValueTask TwoFactorAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        // Enable is a flag to the exchange (true/false, 1/0, "1"/"0") and ClientID a user id, where the record has a
        // bool and a broker's text: both are read from the request's fields.
        var request = message.Read<TwoFactorRequest>("Enable", "ClientID");
        var enable = message.GetOptionalBoolean("Enable") ?? throw GatewayException.MissingTag("Enable");
        var secret = request.Secret?.Reveal();
        var code = request.Code?.Reveal();
        var runtime = services;
        var (enabled, returnedSecret) = await runtime.Actor.InvokeAsync(s =>
        {
            var user = Trading.AccountResolver.Resolve(s, identity, message);
            if (enable && user.UserId != identity.UserId)
            {
                throw GatewayException.NotAuthorized("Two-factor authentication is enabled by the user himself");
            }
            if (!enable)
            {
                user.TwoFactorEnabled = false;
                user.TwoFactorSecret = null;
                return (false, string.Empty);
            }
            if (user.TwoFactorEnabled)
            {
                return (true, string.Empty);
            }
            if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(code))
            {
                user.TwoFactorSecret = runtime.SecondFactor.CreateSecret(user.UserId);
                return (false, user.TwoFactorSecret);
            }
            if (user.TwoFactorSecret is { } pending && string.Equals(pending, secret, StringComparison.Ordinal) &&
                runtime.SecondFactor.IsValid(user.UserId, pending, code))
            {
                user.TwoFactorEnabled = true;
                return (true, string.Empty);
            }
            return (false, user.TwoFactorSecret ?? string.Empty);
        }, cancellationToken).ConfigureAwait(false);
        session.Send(FrameEncoder.Encode(new TwoFactorResponse { TwoFactorEnabled = enabled, TwoFactorSecret = new SecretString(returnedSecret) }, message));
    }

    // A credential the request must carry: "Missing tag X" when absent or null.
    private static string Secret(SecretString? value, string field) => value?.Reveal() ?? throw GatewayException.MissingTag(field);

    /// <summary>
    /// The session identity of a key that passed <see cref="ApiKeyStore.AuthenticateWithPassword"/> (§4.3: active key,
    /// matching password, IP in its whitelist): null for a platform key or an owner that no longer exists.
    /// </summary>
    internal static async Task<SessionIdentity?> ResolveApiKeyIdentityAsync(GatewayServices services, ApiKeyEntry entry, bool cancelOnDisconnect, CancellationToken cancellationToken)
    {
        if (entry.Owner == ApiKeyOwner.Platform)
        {
            return null;
        }
        return await services.Actor.InvokeAsync(s =>
        {
            var user = s.Directory.FindUser(entry.Owner.UserId);
            if (user is null || user.BrokerId != entry.Owner.BrokerId)
            {
                return null;
            }
            var permissionList = s.PermissionListOverrides.TryGetValue(entry.ApiKey, out var overridden) ? overridden : entry.PermissionList;
            return new SessionIdentity(user.UserId, user.BrokerId, user.Username, user.IsBroker, entry.ApiKey, permissionList.Clone(), cancelOnDisconnect);
        }, cancellationToken).ConfigureAwait(false);
    }
}
