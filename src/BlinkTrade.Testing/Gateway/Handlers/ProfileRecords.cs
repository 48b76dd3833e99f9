using System.Buffers;
using System.Text.Json;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.Permissions;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>The user, profile and broker records of BF, U39, U40 and U29 (PROTOCOL.md §2.1, §2.6, §2.9).</summary>
internal static class ProfileRecords
{
    private static readonly JsonElement EmptyArray = Json(w =>
    {
        w.WriteStartArray();
        w.WriteEndArray();
    });

    // Every country ("*"), none excluded.
    private static readonly JsonElement AnyCountry = Json(w =>
    {
        w.WriteStartArray();
        w.WriteStartArray();
        w.WriteStringValue("*");
        w.WriteEndArray();
        w.WriteStartArray();
        w.WriteEndArray();
        w.WriteEndArray();
    });

    /// <summary>
    /// <paramref name="message"/> with the fields shared by a successful BF, U39 and U40; a viewer whose API key has no
    /// account-information grant sees "hidden" for the username and email.
    /// </summary>
    public static T WithUser<T>(T message, ExchangeState state, UserAccount user, SessionIdentity? viewer) where T : ProfileMessage
    {
        var broker = state.Directory.FindBroker(user.BrokerId);
        var masked = viewer is not null && !PermissionEvaluator.HasAccountInfo(viewer.PermissionList);
        var fees = Fees(user, broker);
        return (T)((ProfileMessage)message with
        {
            UserID = user.UserId,
            Username = masked ? "hidden" : user.Username,
            TwoFactorEnabled = user.TwoFactorEnabled,
            IsBroker = user.IsBroker,
            BrokerID = user.BrokerId,
            TransactionFeeBuy = fees.MakerBuy,
            TransactionFeeSell = fees.MakerSell,
            TakerTransactionFeeBuy = fees.TakerBuy,
            TakerTransactionFeeSell = fees.TakerSell,
            IsMarketMaker = false,
            EmailLang = user.EmailLang,
            IsMSB = false,
            HasLineOfCredit = false,
            EmailTwoFactorEnabled = user.EmailTwoFactorEnabled,
            ConfirmationOrder = user.ConfirmationOrder,
            Verified = (VerificationLevel)user.Verified,
            Broker = broker is null ? null : Broker(broker),
            Profile = new UserProfile
            {
                Type = user.IsBroker ? "BROKER" : "USER",
                UserID = user.UserId,
                ID = user.UserId,
                Username = masked ? "hidden" : user.Username,
                Email = masked ? "hidden" : user.Email,
                State = user.State,
                Country = user.CountryCode,
                CountryCode = user.CountryCode,
                Verified = (VerificationLevel)user.Verified,
                TwoFactorEnabled = user.TwoFactorEnabled,
                NeedWithdrawEmail = false,
                TransactionFeeBuy = fees.MakerBuy,
                TransactionFeeSell = fees.MakerSell,
                TakerTransactionFeeBuy = fees.TakerBuy,
                TakerTransactionFeeSell = fees.TakerSell,
                IsMarketMaker = false,
                EmailLang = user.EmailLang,
                ConfirmationOrder = user.ConfirmationOrder,
            },
        });
    }

    /// <summary>The broker object of BF.</summary>
    public static BrokerInfo Broker(BrokerAccount broker) => new()
    {
        BrokerID = broker.BrokerId,
        ShortName = broker.Name,
        BusinessName = broker.Name,
        Country = broker.Country,
        Currencies = string.Join(',', broker.Currencies.Where(c => c != "BTC")),
        TransactionFeeBuy = broker.MakerFeeBps,
        TransactionFeeSell = broker.MakerFeeBps,
        TakerTransactionFeeBuy = broker.TakerFeeBps,
        TakerTransactionFeeSell = broker.TakerFeeBps,
        Status = "1",
        WithdrawStructure = WithdrawStructure(broker),
    };

    /// <summary>A row of U29: the BF broker with the directory's fields.</summary>
    public static BrokerInfo ListedBroker(BrokerAccount broker) => Broker(broker) with
    {
        FeeStructure = EmptyArray,
        Ranking = broker.BrokerId,
        CountryCode = broker.Country,
        CryptoCurrencies = Json(w =>
        {
            w.WriteStartArray();
            foreach (var currency in broker.Currencies.Where(c => c == "BTC"))
            {
                w.WriteStartObject();
                w.WriteString("CurrencyCode", currency);
                w.WriteString("CurrencyDescription", currency);
                w.WriteStartArray("Confirmations");
                w.WriteEndArray();
                w.WriteStartArray("Wallets");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }),
        AcceptCustomersFrom = AnyCountry,
        IsBrokerHub = false,
    };

    // The withdrawal methods by currency: an open-ended object in the protocol (the record keeps it as JSON).
    private static JsonElement WithdrawStructure(BrokerAccount broker) => Json(w =>
    {
        w.WriteStartObject();
        foreach (var (currency, methods) in broker.WithdrawMethods)
        {
            w.WriteStartArray(currency);
            foreach (var method in methods)
            {
                w.WriteStartObject();
                w.WriteString("method", method.Method);
                w.WriteString("description", method.Description);
                w.WriteString("disclaimer", string.Empty);
                w.WriteNumber("percent_fee", method.PercentFee);
                w.WriteNumber("fixed_fee", method.FixedFee);
                w.WriteStartObject("limits");
                w.WriteEndObject();
                w.WriteStartArray("fields");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    });

    private static (int MakerBuy, int MakerSell, int TakerBuy, int TakerSell) Fees(UserAccount user, BrokerAccount? broker)
    {
        var maker = broker?.MakerFeeBps ?? 0;
        var taker = broker?.TakerFeeBps ?? maker;
        return (user.MakerFeeBuyBps ?? maker, user.MakerFeeSellBps ?? maker, user.TakerFeeBuyBps ?? taker, user.TakerFeeSellBps ?? taker);
    }

    // A record's open-ended (JsonElement) field.
    private static JsonElement Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
