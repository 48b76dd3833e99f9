using System.Text.Json;
using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Users;
using Protocol = BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>Profile U38 → U39 (+ U40 to the updated user) and the broker directory U28 → U29.</summary>
internal static class ProfileHandlers
{
    // 2016+: a user may change these of himself; turning 2FA on goes through U16 (it needs a verified code).
    private static readonly HashSet<string> SelfFields = new(StringComparer.Ordinal) { "EmailLang", "ConfirmationOrder", "TwoFactorEnabled", "State", "CountryCode" };

    private static readonly HashSet<string> BrokerFields = new(StringComparer.Ordinal)
    {
        "EmailLang", "ConfirmationOrder", "TwoFactorEnabled", "State", "CountryCode", "Verified",
        "TransactionFeeBuy", "TransactionFeeSell", "TakerTransactionFeeBuy", "TakerTransactionFeeSell",
    };

    public static async ValueTask UpdateProfileAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require("UpdateReqID");
        // Fields is checked from its JSON (any non-object is reported with its raw JSON text, as bitex does); UserID names
        // the customer a broker edits, as ClientID does elsewhere (an id, username or email).
        message.Read<Protocol.UpdateProfileRequest>("Fields", "UserID");
        if (!message.TryGet("Fields", out var fields) || fields.ValueKind != JsonValueKind.Object)
        {
            throw message.Has("Fields") ? GatewayException.InvalidValue("Fields", fields.GetRawText()) : GatewayException.MissingTag("Fields");
        }
        var changes = fields.EnumerateObject().Select(p => (p.Name, Value: p.Value.Clone())).ToList();
        var (reply, refresh, userId) = await services.Actor.InvokeAsync(state =>
        {
            var self = state.RequireUser(identity.UserId);
            var target = Trading.AccountResolver.Resolve(state, identity, message, "UserID");
            var allowed = target == self && !self.IsBroker ? SelfFields : BrokerFields;
            foreach (var (name, value) in changes)
            {
                if (!allowed.Contains(name))
                {
                    throw GatewayException.NotAuthorized($"Field {name} cannot be changed");
                }
            }
            foreach (var (name, value) in changes)
            {
                Apply(target, name, value);
            }
            state.OnProfileChanged(target);
            var viewer = identity;
            var u39 = FrameEncoder.Encode(ProfileRecords.WithUser(new Protocol.UpdateProfileResponse(), state, target, target == self ? viewer : null), message);
            var u40 = FrameEncoder.Encode(ProfileRecords.WithUser(new Protocol.ProfileRefresh(), state, target, null));
            return (u39, u40, target.UserId);
        }, cancellationToken).ConfigureAwait(false);
        session.Send(reply);
        services.Registry.Publish(userId, "U40", refresh);
    }

    public static async ValueTask BrokerListAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        message.Require("BrokerListReqID");
        var request = message.Read<Protocol.BrokerListRequest>();
        var (page, pageSize) = AccountLists.DirectoryPaging(request);
        var statusList = message.Items(request.StatusList, "StatusList") ?? ["1"];
        var country = request.Country;
        await services.ReplyAsync(session, state =>
        {
            var brokers = statusList.Contains("1")
                ? state.Directory.Brokers.Where(b => country is null || string.Equals(b.Country, country, StringComparison.OrdinalIgnoreCase)).Skip(page * pageSize).Take(pageSize).ToList()
                : [];
            return AccountLists.Encode(new Protocol.BrokerListResponse { BrokerListGrp = [.. brokers.Select(ProfileRecords.ListedBroker)] }, message, page, pageSize);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void Apply(UserAccount user, string name, JsonElement value)
    {
        switch (name)
        {
            case "EmailLang":
                user.EmailLang = String(name, value);
                break;
            case "State":
                user.State = String(name, value);
                break;
            case "CountryCode":
                user.CountryCode = String(name, value);
                break;
            case "ConfirmationOrder":
                user.ConfirmationOrder = Bool(name, value);
                break;
            case "TwoFactorEnabled":
                if (Bool(name, value))
                {
                    throw GatewayException.NotAuthorized("Enable two-factor authentication with U16");
                }
                user.TwoFactorEnabled = false;
                user.TwoFactorSecret = null;
                break;
            case "Verified":
                user.Verified = Int(name, value, 0, 7);
                break;
            case "TransactionFeeBuy":
                user.MakerFeeBuyBps = Int(name, value, 0, 10_000);
                break;
            case "TransactionFeeSell":
                user.MakerFeeSellBps = Int(name, value, 0, 10_000);
                break;
            case "TakerTransactionFeeBuy":
                user.TakerFeeBuyBps = Int(name, value, 0, 10_000);
                break;
            case "TakerTransactionFeeSell":
                user.TakerFeeSellBps = Int(name, value, 0, 10_000);
                break;
        }
    }

    private static string String(string name, JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw GatewayException.InvalidValue(name, value.GetRawText());

    private static bool Bool(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw GatewayException.InvalidValue(name, value.GetRawText()),
    };

    private static int Int(string name, JsonElement value, int min, int max) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max ? n : throw GatewayException.InvalidValue(name, value.GetRawText());
}
