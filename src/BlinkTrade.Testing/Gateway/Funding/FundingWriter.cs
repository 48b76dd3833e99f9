using System.Text.Json;
using BlinkTrade.Testing.Gateway.Handlers;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway.Funding;

/// <summary>Writes the deposit and withdraw models (U19/U23/U31 rows, U7/U9/U25/U27 rows/U71).</summary>
internal static class FundingWriter
{
    /// <summary>U31: the deposit list.</summary>
    public static readonly ColumnarListSpec<DepositRecord> DepositList = new("U31",
    [
        "DepositID", "DepositMethodID", "DepositMethodName", "Type", "Currency", "Value", "PaidValue", "Data", "Created", "ControlNumber",
        "PercentFee", "FixedFee", "Status", "ReasonID", "Reason", "Username", "UserID", "BrokerID", "ClOrdID",
    ], "DepositListGrp", WriteDepositRow);

    /// <summary>U27: the withdrawal list.</summary>
    public static readonly ColumnarListSpec<WithdrawRecord> WithdrawList = new("U27",
    [
        "WithdrawID", "Method", "Currency", "Amount", "Data", "Created", "Status", "ReasonID", "Reason", "PercentFee", "FixedFee", "PaidAmount",
        "UserID", "Username", "BrokerID", "ClOrdID",
    ], "WithdrawListGrp", WriteWithdrawRow);

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

    public static void WriteDepositRow(Utf8JsonWriter w, DepositRecord d)
    {
        w.WriteStringValue(d.DepositId);
        WriteNumberOrNullValue(w, d.DepositMethodId);
        w.WriteStringValue(d.DepositMethodName);
        w.WriteStringValue(d.Type);
        w.WriteStringValue(d.Currency);
        w.WriteNumberValue(d.Value);
        w.WriteNumberValue(d.PaidValue);
        WriteDepositData(w, d);
        w.WriteStringValue(Frames.FormatDateTime(d.Created));
        w.WriteNullValue();
        w.WriteNumberValue(0);
        w.WriteNumberValue(0);
        w.WriteStringValue(d.Status);
        WriteNumberOrNullValue(w, d.ReasonId);
        w.WriteStringValue(d.Reason);
        w.WriteStringValue(d.Username);
        w.WriteNumberValue(d.UserId);
        w.WriteNumberValue(d.BrokerId);
        w.WriteStringValue(d.ClOrdId);
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

    public static void WriteWithdrawRow(Utf8JsonWriter w, WithdrawRecord r)
    {
        w.WriteNumberValue(r.WithdrawId);
        w.WriteStringValue(r.Method);
        w.WriteStringValue(r.Currency);
        w.WriteNumberValue(r.Amount);
        WriteData(w, r.Data);
        w.WriteStringValue(Frames.FormatDateTime(r.Created));
        w.WriteStringValue(r.Status);
        WriteNumberOrNullValue(w, r.ReasonId);
        w.WriteStringValue(r.Reason);
        w.WriteNumberValue(0);
        w.WriteNumberValue(0);
        w.WriteNumberValue(r.PaidAmount);
        w.WriteNumberValue(r.UserId);
        w.WriteStringValue(r.Username);
        w.WriteNumberValue(r.BrokerId);
        w.WriteStringValue(r.ClOrdId);
    }

    private static void WriteNumberOrNullValue(Utf8JsonWriter w, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumberValue(number);
        }
        else
        {
            w.WriteNullValue();
        }
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

    /// <summary>The fields of one deposit method (U21 group element, U49 body).</summary>
    public static void WriteDepositMethod(Utf8JsonWriter w, DepositMethod method)
    {
        w.WriteNumber("DepositMethodID", method.DepositMethodId);
        w.WriteString("Description", method.Description);
        w.WriteString("Disclaimer", string.Empty);
        w.WriteString("Type", method.Type);
        w.WriteStartObject("DepositLimits");
        w.WriteEndObject();
        w.WriteString("Currency", method.Currency);
        w.WriteNumber("PercentFee", method.PercentFee);
        w.WriteNumber("FixedFee", method.FixedFee);
        w.WriteNull("UserReceiptURL");
    }
}
