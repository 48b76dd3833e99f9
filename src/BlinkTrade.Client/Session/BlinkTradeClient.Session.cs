using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Session;

namespace BlinkTrade.Client;

// Login, logout, password, signup and two-factor (PROTOCOL.md §2.1).
public partial class BlinkTradeClient
{
    private const string PasswordChangedText = "MSG_SUCCESS_PASSWORD_CHANGE";
    private const string SignupConfirmEmailText = "MSG_SIGNUP_CONFIRM_EMAIL";
    private BlinkTradeCredentials? _credentials;
    private UserResponse? _currentUser;

    /// <inheritdoc />
    public virtual UserResponse? CurrentUser => Volatile.Read(ref _currentUser);

    /// <inheritdoc />
    public virtual async Task<UserResponse> LoginAsync(BlinkTradeCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        credentials ??= Volatile.Read(ref _credentials) ?? _options.Credentials
            ?? throw new InvalidOperationException("No credentials: pass them or set BlinkTradeClientOptions.Credentials.");
        var (session, _) = await AcquireSessionAsync(MessageTypes.UserRequest, "login", cancellationToken).ConfigureAwait(false);
        var response = await LoginCoreAsync(session, credentials, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _credentials, credentials);
        SetState(ConnectionState.LoggedIn, "Logged in.", null);
        return response;
    }

    /// <inheritdoc />
    public virtual async Task<UserResponse> LogoutAsync(CancellationToken cancellationToken = default)
    {
        var id = _ids.Next();
        var request = new UserRequest
        {
            UserReqID = id,
            BrokerID = _options.BrokerId,
            Username = CurrentUser?.Username,
            UserReqTyp = UserRequestType.Logout,
        };
        var response = await RequestCoreAsync<UserResponse>(request, id.ToString(System.Globalization.CultureInfo.InvariantCulture), MessageTypes.UserResponse, null, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _credentials, null);
        Volatile.Write(ref _currentUser, null);
        SetState(ConnectionState.Connected, "Logged out.", null);
        return response;
    }

    /// <inheritdoc />
    public virtual async Task<UserResponse> ChangePasswordAsync(SecretString currentPassword, SecretString newPassword, SecretString? secondFactor = null, CancellationToken cancellationToken = default)
    {
        var id = _ids.Next();
        var request = new UserRequest
        {
            UserReqID = id,
            BrokerID = _options.BrokerId,
            Username = CurrentUser?.Username,
            UserReqTyp = UserRequestType.ChangePassword,
            Password = currentPassword,
            NewPassword = newPassword,
            SecondFactor = secondFactor,
        };
        var response = await RequestCoreAsync<UserResponse>(request, Id(id), MessageTypes.UserResponse, null, cancellationToken).ConfigureAwait(false);
        // G7: the server answers UserStatus 3 even on success; only the status text tells.
        if (response.UserStatusText != PasswordChangedText)
        {
            throw new BlinkTradeLoginException(response.UserStatusText, response.NeedSecondFactor == true, response.SecondFactorType?.Value);
        }
        if (Volatile.Read(ref _credentials) is { IsApiKey: false } remembered)
        {
            // Re-logins after a reconnect must use the new password.
            Volatile.Write(ref _credentials, BlinkTradeCredentials.FromPassword(remembered.Username, newPassword) with
            {
                SecondFactorProvider = remembered.SecondFactorProvider,
                CancelOnDisconnect = remembered.CancelOnDisconnect,
            });
        }
        return response;
    }

    /// <inheritdoc />
    public virtual async Task<UserResponse> SignupAsync(string username, SecretString password, string email, string? countryCode = null, string? state = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(email);
        var id = _ids.Next();
        var request = new Signup
        {
            UserReqID = id,
            BrokerID = _options.BrokerId,
            Username = username,
            Password = password,
            Email = email,
            CountryCode = countryCode,
            State = state,
        };
        var response = await RequestCoreAsync<UserResponse>(request, Id(id), MessageTypes.UserResponse, null, cancellationToken).ConfigureAwait(false);
        if (response.UserStatus == UserStatus.LoggedIn)
        {
            Volatile.Write(ref _currentUser, response);
            SetState(ConnectionState.LoggedIn, "Signed up and logged in.", null);
        }
        else if (response.UserStatusText != SignupConfirmEmailText)
        {
            throw new BlinkTradeLoginException(response.UserStatusText, response.NeedSecondFactor == true, response.SecondFactorType?.Value);
        }
        return response;
    }

    /// <inheritdoc />
    public virtual Task<TwoFactorResponse> SetTwoFactorAsync(bool enable, SecretString? secret = null, SecretString? code = null, CancellationToken cancellationToken = default)
    {
        var id = _ids.Next();
        var request = new TwoFactorRequest { EnableTwoFactorReqID = id, Enable = enable, Secret = secret, Code = code };
        return RequestCoreAsync<TwoFactorResponse>(request, Id(id), MessageTypes.TwoFactorResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task<bool> RequestPasswordResetAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        var id = _ids.Next();
        var request = new PasswordResetRequest { ForgotPasswordReqID = id, BrokerID = _options.BrokerId, Email = email };
        var response = await RequestCoreAsync<PasswordResetResponse>(request, Id(id), MessageTypes.PasswordResetResponse, null, cancellationToken).ConfigureAwait(false);
        return response.Success == 1;
    }

    /// <inheritdoc />
    public virtual async Task<ProcessPasswordResetResponse> ResetPasswordAsync(SecretString token, SecretString newPassword, CancellationToken cancellationToken = default)
    {
        var id = _ids.Next();
        var request = new ProcessPasswordResetRequest { ResetPasswordReqID = id, Token = token, NewPassword = newPassword };
        var response = await RequestCoreAsync<ProcessPasswordResetResponse>(request, Id(id), MessageTypes.ProcessPasswordResetResponse, null, cancellationToken).ConfigureAwait(false);
        if (response.UserStatus != UserStatus.LoggedIn)
        {
            throw new BlinkTradeLoginException(response.UserStatusText, needSecondFactor: false, secondFactorType: null);
        }
        return response;
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> LoginOnConnectAsync(SessionConnection session, CancellationToken cancellationToken)
    {
        var credentials = Volatile.Read(ref _credentials) ?? _options.Credentials;
        if (credentials is null)
        {
            return false;
        }
        await LoginCoreAsync(session, credentials, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _credentials, credentials);
        return true;
    }

    private async Task<UserResponse> LoginCoreAsync(SessionConnection session, BlinkTradeCredentials credentials, CancellationToken cancellationToken)
    {
        SecretString? secondFactor = credentials.SecondFactorProvider is { } provider ? await provider(cancellationToken).ConfigureAwait(false) : (SecretString?)null;
        var id = _ids.Next();
        var request = new UserRequest
        {
            UserReqID = id,
            BrokerID = _options.BrokerId,
            Username = credentials.Username,
            Password = credentials.Password,
            UserReqTyp = UserRequestType.Login,
            SecondFactor = secondFactor,
            CancelOnDisconnect = credentials.CancelOnDisconnect ? "1" : null,
        };
        var message = await session.RequestAsync(request, Id(id), [MessageTypes.UserResponse], null, null, cancellationToken).ConfigureAwait(false);
        var response = message as UserResponse ?? throw new ProtocolException(ProtocolErrorKind.InvalidField, "The login answer is not a BF.", ReadOnlyMemory<byte>.Empty, message.MsgType);
        if (response.UserStatus != UserStatus.LoggedIn)
        {
            ClientLog.LoginFailed(_logger, response.UserStatusText);
            throw new BlinkTradeLoginException(response.UserStatusText, response.NeedSecondFactor == true, response.SecondFactorType?.Value);
        }
        ClientLog.LoggedIn(_logger, response.UserID, response.BrokerID);
        Volatile.Write(ref _currentUser, response);
        return response;
    }
}
