using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Support;

/// <summary>Reusable auto-responders of a scripted peer.</summary>
internal static class ExchangeScripts
{
    public const string Username = "alice";
    public const string Password = "s3cr3t-pa55";

    /// <summary>Heartbeats, and logins that accept <see cref="Username"/>/<see cref="Password"/> (or an API key "KEY"/"APIPASS").</summary>
    public static void Standard(ScriptedPeer peer)
    {
        peer.AnswerHeartbeats();
        // The instrument list the pre-trade checks read: BTCUSD on a 0.01 USD pip, 0.0001 BTC minimum.
        peer.Respond<SecurityListRequest>(r => new SecurityList
        {
            SecurityReqID = r.SecurityReqID,
            SecurityRequestResult = 0,
            Instruments = [new SecurityInstrument { Symbol = "BTCUSD", Currency = "USD", Description = "BTC / USD", MinQty = Quantity.FromDecimal(0.0001m) }],
            Currencies = [new SecurityCurrency { Code = "USD", Pip = Price.FromDecimal(0.01m).Satoshis }, new SecurityCurrency { Code = "BTC", Pip = 1 }],
        });
        peer.Respond<OrdersListRequest>(r => new OrdersListResponse { OrdersReqID = r.OrdersReqID, Page = r.Page, PageSize = r.PageSize, OrdListGrp = [] });
        peer.Respond<UserRequest>(request =>
        {
            if (request.UserReqTyp == UserRequestType.Login)
            {
                var ok = (request.Username == Username && request.Password?.Reveal() == Password)
                    || (request.Username == "KEY" && request.Password?.Reveal() == "APIPASS");
                return ok
                    ? new UserResponse { UserReqID = request.UserReqID, UserStatus = UserStatus.LoggedIn, UserID = 90800127, Username = request.Username, BrokerID = 5 }
                    : new UserResponse { UserReqID = request.UserReqID, UserStatus = UserStatus.Failed, Username = "", UserStatusText = "MSG_LOGIN_ERROR_INVALID_USERNAME_OR_PASSWORD", NeedSecondFactor = false };
            }
            if (request.UserReqTyp == UserRequestType.Logout)
            {
                return new UserResponse { UserReqID = request.UserReqID, UserStatus = UserStatus.LoggedOut, Username = Username, UserID = 90800127 };
            }
            var changed = request.Password?.Reveal() == Password;
            return new UserResponse
            {
                UserReqID = request.UserReqID,
                UserReqTyp = UserRequestType.ChangePassword,
                UserStatus = UserStatus.Failed,
                UserStatusText = changed ? "MSG_SUCCESS_PASSWORD_CHANGE" : "MSG_LOGIN_ERROR_INVALID_PASSWORD",
            };
        });
    }
}
