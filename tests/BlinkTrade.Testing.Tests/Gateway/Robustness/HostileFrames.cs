using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace BlinkTrade.Testing.Tests.Gateway.Robustness;

/// <summary>
/// FsCheck generators of hostile frames over every request type the exchange serves: each type's own fields with
/// plausible values (so frames get deep into the handlers) mixed with wrong types, lone surrogates and bad escapes,
/// huge, negative and zero numbers, deep nesting, long strings, duplicate keys, nulls, unknown types and fields,
/// broken JSON and binary junk.
/// </summary>
public static class HostileFrames
{
    // Every request type and the fields its handler reads (PROTOCOL.md §1–§2, Gateway/Handlers, Trading, Funding, MarketData).
    private static readonly Dictionary<string, string[]> FieldsByType = new(StringComparer.Ordinal)
    {
        ["1"] = ["TestReqID", "SendTime"],
        ["0"] = ["TestReqID", "SendTime"],
        ["BE"] = ["UserReqID", "UserReqTyp", "Username", "Password", "NewPassword", "BrokerID", "SecondFactor", "CancelOnDisconnect", "Email", "FingerPrint"],
        ["U0"] = ["UserReqID", "Username", "Password", "Email", "BrokerID", "State", "CountryCode"],
        ["U10"] = ["ForgotPasswordReqID", "Email", "BrokerID"],
        ["U12"] = ["ResetPasswordReqID", "Token", "NewPassword", "SecondFactor"],
        ["U16"] = ["EnableTwoFactorReqID", "Enable", "SecondFactor", "ClientID"],
        ["V"] = ["MDReqID", "SubscriptionRequestType", "MarketDepth", "MDUpdateType", "MDEntryTypes", "Instruments"],
        ["x"] = ["SecurityReqID", "SecurityListRequestType", "Market", "SecurityRequestResult"],
        ["e"] = ["SecurityStatusReqID", "Instruments", "Market", "SubscriptionRequestType"],
        ["U32"] = ["TradeHistoryReqID", "Page", "PageSize", "Filter", "Since", "SinceTradeID", "Symbol"],
        ["D"] = ["ClOrdID", "Symbol", "Side", "OrdType", "Price", "OrderQty", "StopPx", "TimeInForce", "ExecInst", "BrokerID", "ClientID"],
        ["F"] = ["ClOrdID", "OrigClOrdID", "OrderID", "Side", "Symbol", "ClientID"],
        ["U2"] = ["BalanceReqID", "ClientID", "BrokerID"],
        ["U4"] = ["OrdersReqID", "Page", "PageSize", "Filter", "ClientID"],
        ["U34"] = ["LedgerListReqID", "Page", "PageSize", "Currency", "ClientID", "BrokerID"],
        ["U42"] = ["PositionReqID", "ClientID"],
        ["U18"] = ["DepositReqID", "DepositID", "DepositMethodID", "Currency", "Value", "Action", "ClOrdID", "BrokerID", "ClientID"],
        ["U20"] = ["DepositMethodReqID", "BrokerID"],
        ["U48"] = ["DepositMethodReqID", "DepositMethodID", "BrokerID"],
        ["U30"] = ["DepositListReqID", "Page", "PageSize", "StatusList", "ClientID"],
        ["U6"] = ["WithdrawReqID", "Currency", "Amount", "Method", "Data", "ClOrdID", "ClientID"],
        ["U24"] = ["WithdrawReqID", "ConfirmationToken", "WithdrawID", "SecondFactor"],
        ["U26"] = ["WithdrawListReqID", "Page", "PageSize", "StatusList", "ClientID"],
        ["U70"] = ["WithdrawCancelReqID", "WithdrawID"],
        ["U78"] = ["WithdrawReqID", "WithdrawID", "Message"],
        ["U36"] = ["TradersRankReqID", "Page", "PageSize", "Filter"],
        ["U28"] = ["BrokerListReqID", "Page", "PageSize", "StatusList", "Country"],
        ["U38"] = ["UpdateReqID", "UserID", "Fields"],
        ["U50"] = ["APIKeyListReqID", "Page", "PageSize"],
        ["U52"] = ["APIKeyCreateReqID", "Label", "PermissionList", "IPWhiteList", "Revocable"],
        ["U54"] = ["APIKeyRevokeReqID", "APIKey"],
    };

    // Values a well-meaning client would send, as JSON text; fields not listed get a small id.
    private static readonly Dictionary<string, string[]> GoodValues = new(StringComparer.Ordinal)
    {
        ["UserReqTyp"] = ["\"1\"", "\"2\"", "\"3\""],
        ["Username"] = ["\"mallory\"", "\"fuzz-user\"", "\"nobody@example.com\""],
        ["Password"] = ["\"wrong-pw-1\"", "\"x\""],
        ["NewPassword"] = ["\"new-pw-12345\""],
        ["Email"] = ["\"mallory@example.com\""],
        ["BrokerID"] = ["5", "\"5\""],
        ["Side"] = ["\"1\"", "\"2\""],
        ["OrdType"] = ["\"1\"", "\"2\"", "\"3\"", "\"4\""],
        ["Symbol"] = ["\"BTCUSD\""],
        ["Price"] = ["50000000000", "60000000000", "\"55000000000\""],
        ["StopPx"] = ["51000000000"],
        ["OrderQty"] = ["10000", "1000000", "\"20000\""],
        ["TimeInForce"] = ["\"0\"", "\"1\"", "\"3\"", "\"4\""],
        ["ExecInst"] = ["\"6\"", "\"\""],
        ["Currency"] = ["\"BTC\"", "\"USD\""],
        ["Amount"] = ["1000", "100000000"],
        ["Value"] = ["1000", "500000000"],
        ["Method"] = ["\"bitcoin\""],
        ["Data"] = ["{\"Wallet\":\"2Nfuzz\"}", "\"{\\\"Wallet\\\":\\\"2Nfuzz\\\"}\""],
        ["Action"] = ["\"CANCEL\""],
        ["SubscriptionRequestType"] = ["\"0\"", "\"1\"", "\"2\""],
        ["MarketDepth"] = ["0", "1", "10"],
        ["MDUpdateType"] = ["\"1\""],
        ["MDEntryTypes"] = ["[\"0\",\"1\",\"2\"]", "[\"0\"]"],
        ["Instruments"] = ["[\"BTCUSD\"]", "[\"BTCUSD\",\"NOPE\"]"],
        ["Page"] = ["0", "1"],
        ["PageSize"] = ["10", "100", "1000"],
        ["StatusList"] = ["[\"1\",\"2\"]", "[\"0\"]"],
        ["Filter"] = ["[\"has_leaves_qty eq 1\"]", "[\"has_cum_qty eq 0\"]"],
        ["Fields"] = ["{\"EmailLang\":\"en\"}", "{\"ConfirmationOrder\":true}", "{\"TwoFactorEnabled\":false}", "{\"Verified\":3}"],
        ["Label"] = ["\"fuzz\""],
        ["PermissionList"] = ["{\"*\":[]}", "{\"U2\":[]}", "\"{}\""],
        ["IPWhiteList"] = ["[\"127.0.0.1\"]", "[]"],
        ["Revocable"] = ["true", "false"],
        ["Enable"] = ["true", "false"],
        ["CancelOnDisconnect"] = ["true", "\"1\""],
        ["Message"] = ["\"please\""],
        ["Country"] = ["\"BR\""],
    };

    // JSON values no handler should have to expect.
    private static readonly string[] HostileAtoms =
    [
        "null", "true", "false", "0", "-0", "-1", "1.5", "-1.5", "1e308", "-1e308", "1e-320", "1E400",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "79228162514264337593543950336", "0.000000001", "100000000000000000000000000000000000000000",
        "\"\"", "\" \"", "\"0\"", "\"-1\"", "\"1e9\"", "\"NaN\"", "\"Infinity\"", "\"0x10\"", "\"１２３\"", "\"1,5\"",
        "\"\\u0000\"", "\"a\\\"b\"", "\"\\\\\"", "\"\\n\\t\\r\"", "\"\\/\"", "\"<script>\"", "\"' OR 1=1 --\"",
        "\"\\ud800\"", "\"\\udfff\"", "\"x\\ud800y\"", "\"\\udc00\\ud800\"", "\"\\ud83d\\ude00\"", "\"\\uD800\\u0041\"",
        "[]", "{}", "[null]", "[[]]", "{\"\":\"\"}", "{\"\\ud800\":1}", "[\"\\udfff\"]", "[1,\"a\",null,{}]",
    ];

    // Values that are not JSON at all (bad escapes, bare words, malformed numbers): the whole frame is then broken.
    private static readonly string[] BrokenAtoms =
    [
        "!\"\\x\"", "!\"\\u12\"", "!\"\\uZZZZ\"", "!abc", "!'single'", "!01", "!+1", "!.5", "!1.", "!NaN", "!\"unterminated",
    ];

    private static readonly string[] Surrogates = ["\\ud800", "\\udbff", "\\udc00", "\\udfff"];

    /// <summary>The frame generator.</summary>
    public static Gen<FuzzFrame> Frame() => Gen.Frequency(
        (60, RequestFrame()),
        (8, UnknownTypeFrame()),
        (8, DuplicateKeyFrame()),
        (10, BrokenFrame()),
        (7, BinaryFrame()),
        (7, RequestFrame().SelectMany(frame => Gen.Choose(0, Math.Max(0, frame.Bytes.Length - 1)).Select(cut => frame with { Bytes = frame.Bytes[..cut] }))));

    private static Gen<FuzzFrame> RequestFrame() =>
        Gen.Elements(FieldsByType.Keys.ToArray()).SelectMany(type =>
            // Half the frames carry every field of the type (deep into the handler), half a random subset.
            Gen.Frequency((1, Gen.SubListOf(FieldsByType[type])), (1, Gen.Constant(FieldsByType[type].ToList()))).SelectMany(fields =>
                Gen.CollectToList(fields, field => Gen.Frequency((5, GoodValue(field)), (1, HostileValue())).Select(value => (field, value)))
                    .SelectMany(pairs => Gen.Frequency((9, Gen.Constant(Quote(type))), (1, HostileValue())).SelectMany(typeValue =>
                        Gen.Shuffle([("MsgType", typeValue), .. pairs]).Select(members => Text(members, MayBeSilent(type)))))));

    private static Gen<FuzzFrame> UnknownTypeFrame() =>
        Gen.Elements("ZZ", "j", "9", "S6", "B0", "U56", "U99", "u2", "d", " D", "D ", "U2\u0000", "\\ud800", "", "8", "W", "X", "ERROR", "BF", "U3")
            .SelectMany(type => Gen.ListOf(Gen.Zip(Gen.Elements(FieldsByType.Values.SelectMany(f => f).Distinct().ToArray()), HostileValue()), 4)
                .Select(pairs => Text([("MsgType", Quote(type)), .. pairs], false)));

    private static Gen<FuzzFrame> DuplicateKeyFrame() =>
        Gen.Elements(FieldsByType.Keys.ToArray()).SelectMany(type =>
            Gen.Elements(FieldsByType.Keys.ToArray()).SelectMany(other =>
                Gen.Elements(FieldsByType[type]).SelectMany(field =>
                    Gen.Zip(GoodValue(field), HostileValue()).Select(values => Text(
                        [("MsgType", Quote(type)), (field, values.Item1), ("MsgType", Quote(other)), (field, values.Item2)],
                        MayBeSilent(type) || MayBeSilent(other))))));

    private static Gen<FuzzFrame> BrokenFrame() => Gen.OneOf(
        Gen.Elements("", " ", "{", "}", "[]", "null", "42", "\"D\"", "{}", "{\"MsgType\":", "{MsgType:\"1\"}", "{'MsgType':'1'}",
            "{\"MsgType\":\"1\",\"TestReqID\":1,}", "{\"MsgType\":\"1\"}{\"MsgType\":\"1\"}", "{\"MsgType\":\"1\",\"TestReqID\":1} trailing",
            "/* c */{\"MsgType\":\"1\",\"TestReqID\":1}", "\uFEFF{\"MsgType\":\"1\",\"TestReqID\":1}", "{\"MsgType\":\"1\",\"TestReqID\":\"\\u\"}")
            .Select(text => new FuzzFrame(Encoding.UTF8.GetBytes(text), false, false)),
        Gen.Choose(1, 120).Select(depth => new FuzzFrame(Encoding.UTF8.GetBytes("{\"MsgType\":\"1\",\"TestReqID\":1,\"SendTime\":" + new string('[', depth) + new string(']', depth) + "}"), false, false)),
        Gen.Choose(1, 120).Select(depth => new FuzzFrame(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)), false, false)));

    private static Gen<FuzzFrame> BinaryFrame() => Gen.OneOf(
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(bytes => new FuzzFrame(bytes, true, false)),
        // JSON that would be valid but for one byte sequence that is no UTF-8 (a raw surrogate, a stray continuation byte).
        Gen.Elements<byte[]>([0xED, 0xA0, 0x80], [0x80], [0xC0, 0xAF], [0xFF], [0xF4, 0x90, 0x80, 0x80]).Select(bad =>
            new FuzzFrame([.. "{\"MsgType\":\"1\",\"TestReqID\":\""u8, .. bad, .. "\"}"u8], true, false)),
        // Well-formed requests sent as binary messages: the exchange treats them like text.
        RequestFrame().Select(frame => frame with { Binary = true }));

    private static Gen<string> GoodValue(string field) =>
        GoodValues.TryGetValue(field, out var values)
            ? Gen.Elements(values)
            : Gen.Choose(1, 1_000_000).Select(n => n % 2 == 0 ? n.ToString(CultureInfo.InvariantCulture) : Quote("f" + n.ToString(CultureInfo.InvariantCulture)));

    private static Gen<string> HostileValue() => Gen.Frequency(
        (8, Gen.Elements(HostileAtoms)),
        (1, Gen.Elements(BrokenAtoms)),
        (2, Gen.Choose(int.MinValue, int.MaxValue).Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Choose(1, 20_000).Select(n => Quote(new string('a', n)))),
        (2, Gen.Zip(Gen.Elements(Surrogates), Gen.Choose(0, 40)).Select(p => "\"" + new string('z', p.Item2) + p.Item1 + new string('z', 40 - p.Item2) + "\"")),
        (1, Gen.Choose(1, 80).Select(depth => new string('[', depth) + new string(']', depth))),
        (1, Gen.ListOf(Gen.Elements(HostileAtoms), 8).Select(items => "[" + string.Join(',', items) + "]")));

    private static FuzzFrame Text(IEnumerable<(string Field, string Value)> members, bool mayBeSilent)
    {
        var text = new StringBuilder("{");
        foreach (var (field, value) in members)
        {
            if (text.Length > 1)
            {
                text.Append(',');
            }
            // A value marked "!" is deliberately broken JSON (BrokenAtoms).
            text.Append(Quote(field)).Append(':').Append(value.StartsWith('!') ? value[1..] : value);
        }
        return new FuzzFrame(Encoding.UTF8.GetBytes(text.Append('}').ToString()), false, mayBeSilent);
    }

    // Requests the protocol may leave unanswered: V and e unsubscribe (type 2), F cancel-all with nothing open.
    private static bool MayBeSilent(string type) => type is "V" or "e" or "F";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
