using System.Text.Json;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>Writes the user, profile and broker objects of BF, U39 and U40 (PROTOCOL.md §2.1, §2.6, §2.9).</summary>
internal static class ProfileWriter
{
    /// <summary>The fields shared by a successful BF, U39 and U40.</summary>
    public static void WriteUserFields(Utf8JsonWriter w, ExchangeState state, UserAccount user, SessionIdentity? viewer)
    {
        var broker = state.Directory.FindBroker(user.BrokerId);
        var masked = viewer is not null && !Permissions.PermissionEvaluator.HasAccountInfo(viewer.PermissionList);
        w.WriteNumber("UserID", user.UserId);
        w.WriteString("Username", masked ? "hidden" : user.Username);
        w.WriteBoolean("TwoFactorEnabled", user.TwoFactorEnabled);
        w.WriteBoolean("IsBroker", user.IsBroker);
        w.WriteNumber("BrokerID", user.BrokerId);
        WriteFees(w, user, broker);
        w.WriteString("EmailLang", user.EmailLang);
        w.WriteBoolean("IsMSB", false);
        w.WriteBoolean("HasLineOfCredit", false);
        w.WriteBoolean("EmailTwoFactorEnabled", false);
        w.WriteBoolean("ConfirmationOrder", user.ConfirmationOrder);
        w.WriteNumber("Verified", user.Verified);
        if (broker is not null)
        {
            w.WritePropertyName("Broker");
            WriteBroker(w, broker);
        }
        w.WritePropertyName("Profile");
        WriteProfile(w, user, broker, masked);
    }

    public static void WriteProfile(Utf8JsonWriter w, UserAccount user, BrokerAccount? broker, bool masked)
    {
        w.WriteStartObject();
        w.WriteString("Type", user.IsBroker ? "BROKER" : "USER");
        w.WriteNumber("UserID", user.UserId);
        w.WriteNumber("ID", user.UserId);
        w.WriteString("Username", masked ? "hidden" : user.Username);
        w.WriteString("Email", masked ? "hidden" : user.Email);
        w.WriteStringOrNullValue("State", user.State);
        w.WriteStringOrNullValue("Country", user.CountryCode);
        w.WriteStringOrNullValue("CountryCode", user.CountryCode);
        w.WriteNumber("Verified", user.Verified);
        w.WriteNull("VerificationData");
        w.WriteBoolean("TwoFactorEnabled", user.TwoFactorEnabled);
        w.WriteBoolean("NeedWithdrawEmail", false);
        WriteFees(w, user, broker);
        w.WriteString("EmailLang", user.EmailLang);
        w.WriteBoolean("ConfirmationOrder", user.ConfirmationOrder);
        w.WriteEndObject();
    }

    public static void WriteBroker(Utf8JsonWriter w, BrokerAccount broker)
    {
        w.WriteStartObject();
        w.WriteNumber("BrokerID", broker.BrokerId);
        w.WriteString("ShortName", broker.Name);
        w.WriteString("BusinessName", broker.Name);
        w.WriteString("Country", broker.Country);
        w.WriteString("Currencies", string.Join(',', broker.Currencies.Where(c => c != "BTC")));
        w.WriteNumber("TransactionFeeBuy", broker.MakerFeeBps);
        w.WriteNumber("TransactionFeeSell", broker.MakerFeeBps);
        w.WriteNumber("TakerTransactionFeeBuy", broker.TakerFeeBps);
        w.WriteNumber("TakerTransactionFeeSell", broker.TakerFeeBps);
        w.WriteString("Status", "1");
        w.WritePropertyName("WithdrawStructure");
        WriteWithdrawStructure(w, broker);
        w.WriteEndObject();
    }

    public static void WriteWithdrawStructure(Utf8JsonWriter w, BrokerAccount broker)
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
    }

    private static void WriteFees(Utf8JsonWriter w, UserAccount user, BrokerAccount? broker)
    {
        var maker = broker?.MakerFeeBps ?? 0;
        var taker = broker?.TakerFeeBps ?? maker;
        w.WriteNumber("TransactionFeeBuy", user.MakerFeeBuyBps ?? maker);
        w.WriteNumber("TransactionFeeSell", user.MakerFeeSellBps ?? maker);
        w.WriteNumber("TakerTransactionFeeBuy", user.TakerFeeBuyBps ?? taker);
        w.WriteNumber("TakerTransactionFeeSell", user.TakerFeeSellBps ?? taker);
        w.WriteNull("DepositPercentFee");
        w.WriteNull("DepositFixedFee");
        w.WriteNull("WithdrawPercentFee");
        w.WriteNull("WithdrawFixedFee");
        w.WriteBoolean("IsMarketMaker", false);
    }

    private static void WriteStringOrNullValue(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
