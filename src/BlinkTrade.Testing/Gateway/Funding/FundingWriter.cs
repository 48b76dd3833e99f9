using System.Text.Json;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.Funding;

/// <summary>Writes the deposit and withdraw models of the U23 and U9 publications (<c>ExchangeState.Funding</c>); every
/// reply encodes <see cref="DepositRecord.ToProtocol"/> / <see cref="WithdrawRecord.ToProtocol"/> instead.</summary>
internal static class FundingWriter
{
    public static void WriteDeposit(Utf8JsonWriter w, DepositRecord d)
    {
        w.WriteString("DepositID", d.DepositId);
        WriteNullableInt(w, "DepositMethodID", d.DepositMethodId);
        w.WriteString("DepositMethodName", d.DepositMethodName);
        w.WriteNumber("UserID", d.UserId);
        w.WriteNumber("AccountID", d.UserId);
        w.WriteNumber("BrokerID", d.BrokerId);
        w.WriteString("Username", d.Username);
        w.WriteNull("ControlNumber");
        w.WriteString("Type", d.Type);
        w.WriteString("Currency", d.Currency);
        w.WriteNumber("Value", d.Value);
        w.WriteNumber("PaidValue", d.PaidValue);
        w.WritePropertyName("Data");
        WriteDepositData(w, d);
        w.WriteString("Created", Frames.FormatDateTime(d.Created));
        w.WriteString("Status", d.Status);
        WriteNullableInt(w, "ReasonID", d.ReasonId);
        w.WriteStringOrNull("Reason", d.Reason);
        w.WriteNumber("PercentFee", 0);
        w.WriteNumber("FixedFee", 0);
        w.WriteStringOrNull("ClOrdID", d.ClOrdId);
    }

    public static void WriteWithdraw(Utf8JsonWriter w, WithdrawRecord r)
    {
        w.WriteNumber("WithdrawID", r.WithdrawId);
        w.WriteNumber("UserID", r.UserId);
        w.WriteNumber("BrokerID", r.BrokerId);
        w.WriteString("Username", r.Username);
        w.WriteString("Method", r.Method);
        w.WriteString("Currency", r.Currency);
        w.WriteNumber("Amount", r.Amount);
        w.WritePropertyName("Data");
        WriteData(w, r.Data);
        w.WriteString("Created", Frames.FormatDateTime(r.Created));
        w.WriteString("Status", r.Status);
        WriteNullableInt(w, "ReasonID", r.ReasonId);
        w.WriteStringOrNull("Reason", r.Reason);
        w.WriteNumber("PercentFee", 0);
        w.WriteNumber("FixedFee", 0);
        w.WriteNumber("PaidAmount", r.PaidAmount);
        w.WriteStringOrNull("ClOrdID", r.ClOrdId);
    }

    private static void WriteDepositData(Utf8JsonWriter w, DepositRecord d)
    {
        w.WriteStartObject();
        if (d.InputAddress is { } address)
        {
            w.WriteString("InputAddress", address);
        }
        w.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter w, JsonElement? data)
    {
        if (data is { } value)
        {
            value.WriteTo(w);
        }
        else
        {
            w.WriteStartObject();
            w.WriteEndObject();
        }
    }

    private static void WriteNullableInt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

}
