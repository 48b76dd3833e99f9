using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Internal;

namespace BlinkTrade.Client.Session;

/// <summary>The session feature: login (and the login again on every new connection), logout, password, signup and
/// two-factor (PROTOCOL.md §2.1). It remembers the credentials a reconnect logs in with and the logged-in user.</summary>
internal sealed class SessionFeature(ClientCore core) : IClientFeature
{
    private const string PasswordChangedText = "MSG_SUCCESS_PASSWORD_CHANGE";
    private const string SignupConfirmEmailText = "MSG_SIGNUP_CONFIRM_EMAIL";
    private BlinkTradeCredentials? _credentials;
    private UserResponse? _currentUser;

    public UserResponse? CurrentUser => Volatile.Read(ref _currentUser);

    public async Task<UserResponse> LoginAsync(BlinkTradeCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        credentials ??= Volatile.Read(ref _credentials) ?? core.Options.Credentials
            ?? throw new InvalidOperationException("No credentials: pass them or set BlinkTradeClientOptions.Credentials.");
        var (session, _) = await core.AcquireSessionAsync(MessageTypes.UserRequest, "login", cancellationToken).ConfigureAwait(false);
        var response = await LoginCoreAsync(session, credentials, cancellationToken).ConfigureAwait(false);
        Remember(credentials);
        core.SetState(ConnectionState.LoggedIn, "Logged in.", null);
        return response;
    }

    public async Task<UserResponse> LogoutAsync(CancellationToken cancellationToken = default)
    {
        var id = core.Ids.Next();
        var request = UserRequestOfCurrentUser(id, UserRequestType.Logout);
        var response = await core.RequestAsync<UserResponse>(request, ClientCore.IdText(id), MessageTypes.UserResponse, null, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _credentials, null);
        Volatile.Write(ref _currentUser, null);
        core.SetState(ConnectionState.Connected, "Logged out.", null);
        return response;
    }

    public async Task<UserResponse> ChangePasswordAsync(SecretString currentPassword, SecretString newPassword, SecretString? secondFactor = null, CancellationToken cancellationToken = default)
    {
        var id = core.Ids.Next();
        var request = UserRequestOfCurrentUser(id, UserRequestType.ChangePassword) with
        {
            Password = currentPassword,
            NewPassword = newPassword,
            SecondFactor = secondFactor,
        };
        var response = await core.RequestAsync<UserResponse>(request, ClientCore.IdText(id), MessageTypes.UserResponse, null, cancellationToken).ConfigureAwait(false);
        // G7: the server answers UserStatus 3 even on success; only the status text tells.
        if (response.UserStatusText != PasswordChangedText)
        {
            throw new BlinkTradeLoginException(response.UserStatusText, response.NeedSecondFactor == true, response.SecondFactorType?.Value);
        }
        if (Volatile.Read(ref _credentials) is { IsApiKey: false } remembered)
        {
            // Re-logins after a reconnect must use the new password.
            Volatile.Write(ref _credentials, remembered.WithPassword(newPassword));
        }
        return response;
    }

    public async Task<UserResponse> SignupAsync(string username, SecretString password, string email, string? countryCode = null, string? state = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(email);
        var id = core.Ids.Next();
        var request = new Signup
        {
            UserReqID = id,
            BrokerID = core.Options.BrokerId,
            Username = username,
            Password = password,
            Email = email,
            CountryCode = countryCode,
            State = state,
        };
        var response = await core.RequestAsync<UserResponse>(request, ClientCore.IdText(id), MessageTypes.UserResponse, null, cancellationToken).ConfigureAwait(false);
        if (response.UserStatus == UserStatus.LoggedIn)
        {
            Volatile.Write(ref _currentUser, response);
            core.SetState(ConnectionState.LoggedIn, "Signed up and logged in.", null);
        }
        else if (response.UserStatusText != SignupConfirmEmailText)
        {
            throw new BlinkTradeLoginException(response.UserStatusText, response.NeedSecondFactor == true, response.SecondFactorType?.Value);
        }
        return response;
    }

    public Task<TwoFactorResponse> SetTwoFactorAsync(bool enable, SecretString? secret = null, SecretString? code = null, CancellationToken cancellationToken = default)
    {
        var id = core.Ids.Next();
        var request = new TwoFactorRequest { EnableTwoFactorReqID = id, Enable = enable, Secret = secret, Code = code };
        return core.RequestAsync<TwoFactorResponse>(request, ClientCore.IdText(id), MessageTypes.TwoFactorResponse, null, cancellationToken);
    }

    public async Task<bool> RequestPasswordResetAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        var id = core.Ids.Next();
        var request = new PasswordResetRequest { ForgotPasswordReqID = id, BrokerID = core.Options.BrokerId, Email = email };
        var response = await core.RequestAsync<PasswordResetResponse>(request, ClientCore.IdText(id), MessageTypes.PasswordResetResponse, null, cancellationToken).ConfigureAwait(false);
        return response.Success == 1;
    }

    public async Task<ProcessPasswordResetResponse> ResetPasswordAsync(SecretString token, SecretString newPassword, CancellationToken cancellationToken = default)
    {
        var id = core.Ids.Next();
        var request = new ProcessPasswordResetRequest { ResetPasswordReqID = id, Token = token, NewPassword = newPassword };
        var response = await core.RequestAsync<ProcessPasswordResetResponse>(request, ClientCore.IdText(id), MessageTypes.ProcessPasswordResetResponse, null, cancellationToken).ConfigureAwait(false);
        if (response.UserStatus != UserStatus.LoggedIn)
        {
            throw new BlinkTradeLoginException(response.UserStatusText, needSecondFactor: false, secondFactorType: null);
        }
        return response;
    }

    private UserRequest UserRequestOfCurrentUser(long id, UserRequestType type) => new()
    {
        UserReqID = id,
        BrokerID = core.Options.BrokerId,
        Username = CurrentUser?.Username,
        UserReqTyp = type,
    };

    public void Register(MessageRouter router)
    {
        // Login answers are correlated to their request by the session; no unsolicited message is the session's.
    }

    public void OnConnectionLost()
    {
    }

    public void Complete()
    {
    }

    // Every new connection logs in again with the credentials last used (or configured).
    public async Task RestoreAsync(SessionConnection session, RestoreContext context, CancellationToken cancellationToken)
    {
        var credentials = Volatile.Read(ref _credentials) ?? core.Options.Credentials;
        if (credentials is null)
        {
            return;
        }
        await LoginCoreAsync(session, credentials, cancellationToken).ConfigureAwait(false);
        Remember(credentials);
        context.LoggedIn = true;
    }

    // The credentials re-logins use: the same user, device and options, without the one-time email token (a used
    // token is refused; a reconnect's re-login passes only from a device the exchange trusts).
    private void Remember(BlinkTradeCredentials credentials)
        => Volatile.Write(ref _credentials, credentials.EmailToken is null ? credentials : credentials with { EmailToken = null });

    private async Task<UserResponse> LoginCoreAsync(SessionConnection session, BlinkTradeCredentials credentials, CancellationToken cancellationToken)
    {
        SecretString? secondFactor = credentials.SecondFactorProvider is { } provider ? await provider(cancellationToken).ConfigureAwait(false) : (SecretString?)null;
        var id = core.Ids.Next();
        var request = new UserRequest
        {
            UserReqID = id,
            BrokerID = core.Options.BrokerId,
            Username = credentials.Username,
            Password = credentials.Password,
            UserReqTyp = UserRequestType.Login,
            SecondFactor = secondFactor,
            Token = credentials.EmailToken,
            TrustedDevice = credentials.TrustedDevice ? true : null,
            CancelOnDisconnect = credentials.CancelOnDisconnect ? "1" : null,
            FingerPrint = credentials.Device?.FingerPrint,
            UserAgent = credentials.Device?.UserAgent,
            UserAgentLanguage = credentials.Device?.UserAgentLanguage,
            UserAgentTimezoneOffset = credentials.Device?.UserAgentTimezoneOffset,
            UserAgentPlatform = credentials.Device?.UserAgentPlatform,
        };
        var message = await session.RequestAsync(request, ClientCore.IdText(id), [MessageTypes.UserResponse], null, null, cancellationToken).ConfigureAwait(false);
        var response = message as UserResponse ?? throw new ProtocolException(ProtocolErrorKind.InvalidField, "The login answer is not a BF.", ReadOnlyMemory<byte>.Empty, message.MsgType);
        if (response.UserStatus != UserStatus.LoggedIn)
        {
            ClientLog.LoginFailed(core.Logger, response.UserStatusText);
            throw new BlinkTradeLoginException(response.UserStatusText, response.NeedSecondFactor == true, response.SecondFactorType?.Value);
        }
        ClientLog.LoggedIn(core.Logger, response.UserID, response.BrokerID);
        Volatile.Write(ref _currentUser, response);
        return response;
    }
}
