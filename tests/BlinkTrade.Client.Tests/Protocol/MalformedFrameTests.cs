using System.Text;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// Malformed and hostile frames: each yields a <see cref="ProtocolException"/> of the expected
/// <see cref="ProtocolErrorKind"/> carrying the raw frame — never another exception type — or, where tolerance is the
/// designed behaviour, a documented successful parse. Exception texts never quote a password from a login frame.
/// </summary>
public sealed class MalformedFrameTests
{
    private const string Password = "hunter2-S3cret";

    private static string Deep(int levels) => new string('[', levels) + new string(']', levels);

    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Bytes(params object[] parts)
        => parts.SelectMany(p => p switch { string s => U(s), byte[] b => b, byte b => [b], _ => throw new ArgumentException() }).ToArray();

    /// <summary>name → (frame, expected error kind; null = a successful tolerant parse checked in <see cref="Tolerant_frames_parse_as_designed"/>).</summary>
    private static readonly Dictionary<string, (byte[] Frame, ProtocolErrorKind? Kind)> Table = new()
    {
        // Empty and non-objects
        ["empty"] = ([], ProtocolErrorKind.Empty),
        ["whitespace"] = (U(" \t\r\n  "), ProtocolErrorKind.Empty),
        ["null literal"] = (U("null"), ProtocolErrorKind.NotAnObject),
        ["string"] = (U("\"MsgType\""), ProtocolErrorKind.NotAnObject),
        ["number"] = (U("8"), ProtocolErrorKind.NotAnObject),
        ["boolean"] = (U("true"), ProtocolErrorKind.NotAnObject),
        ["array of a message"] = (U("""[{"MsgType":"0"}]"""), ProtocolErrorKind.NotAnObject),
        ["deep array, 1000 levels"] = (U(Deep(1000)), ProtocolErrorKind.NotAnObject),

        // Broken JSON
        ["lone brace"] = (U("{"), ProtocolErrorKind.MalformedJson),
        ["truncated heartbeat"] = (U("""{"MsgType":"0","TestReqID":"1"""), ProtocolErrorKind.MalformedJson),
        ["truncated execution report"] = (U("""{"MsgType":"8","OrderID":1459028830990,"ClOrdID":"7302"""), ProtocolErrorKind.MalformedJson),
        ["truncated incremental refresh"] = (U("""{"MsgType":"X","MDReqID":1,"MDIncGrp":[{"MDUpdateAction":"0","MDEntryType":"0","""), ProtocolErrorKind.MalformedJson),
        ["truncated unknown type"] = (U("""{"MsgType":"j","RefMsgType":"""), ProtocolErrorKind.MalformedJson),
        ["trailing comma"] = (U("""{"MsgType":"0",}"""), ProtocolErrorKind.MalformedJson),
        ["two objects"] = (U("""{"MsgType":"0"}{"MsgType":"0"}"""), ProtocolErrorKind.MalformedJson),
        ["trailing garbage"] = (U("""{"MsgType":"0"}xyz"""), ProtocolErrorKind.MalformedJson),
        ["comment"] = (U("""{"MsgType":"0" /* hi */}"""), ProtocolErrorKind.MalformedJson),
        ["single quotes"] = (U("{'MsgType':'0'}"), ProtocolErrorKind.MalformedJson),
        ["NaN literal"] = (U("""{"MsgType":"8","OrderID":NaN}"""), ProtocolErrorKind.MalformedJson),
        ["Infinity literal"] = (U("""{"MsgType":"8","Price":Infinity}"""), ProtocolErrorKind.MalformedJson),
        ["deep nesting in a field, 1000 levels"] = (U("""{"MsgType":"0","X":""" + Deep(1000) + "}"), ProtocolErrorKind.MalformedJson),
        ["deep nesting before MsgType, 65 levels"] = (U("""{"X":""" + Deep(65) + ""","MsgType":"0"}"""), ProtocolErrorKind.MalformedJson),
        ["UTF-8 BOM"] = (Bytes((byte)0xEF, (byte)0xBB, (byte)0xBF, """{"MsgType":"0"}"""), ProtocolErrorKind.MalformedJson),
        ["binary garbage"] = ([0x00, 0x01, 0x02, 0xFF, 0xFE, 0x7B, 0x80], ProtocolErrorKind.MalformedJson),
        ["NUL after the object"] = (Bytes("""{"MsgType":"0"}""", (byte)0x00), ProtocolErrorKind.MalformedJson),
        ["raw control character in a string"] = (Bytes("""{"MsgType":"0","TestReqID":"a""", (byte)0x01, "b\"}"), ProtocolErrorKind.MalformedJson),
        ["raw newline in a string"] = (U("{\"MsgType\":\"0\",\"TestReqID\":\"a\nb\"}"), ProtocolErrorKind.MalformedJson),
        ["invalid UTF-8 in MsgType"] = (Bytes("{\"MsgType\":\"", (byte)0xFF, (byte)0xFE, "\"}"), ProtocolErrorKind.MalformedJson),
        ["overlong UTF-8 in MsgType"] = (Bytes("{\"MsgType\":\"", (byte)0xC0, (byte)0xB8, "\"}"), ProtocolErrorKind.MalformedJson),
        ["invalid escape"] = (U("""{"MsgType":"\x30"}"""), ProtocolErrorKind.MalformedJson),

        // MsgType missing or not a string
        ["no MsgType"] = (U("""{"TestReqID":"1"}"""), ProtocolErrorKind.MissingMsgType),
        ["empty object"] = (U("{}"), ProtocolErrorKind.MissingMsgType),
        ["MsgType wrong case"] = (U("""{"msgtype":"0"}"""), ProtocolErrorKind.MissingMsgType),
        ["MsgType number"] = (U("""{"MsgType":8,"OrderID":1}"""), ProtocolErrorKind.MissingMsgType),
        ["MsgType null"] = (U("""{"MsgType":null}"""), ProtocolErrorKind.MissingMsgType),
        ["MsgType object"] = (U("""{"MsgType":{"Type":"8"}}"""), ProtocolErrorKind.MissingMsgType),
        ["MsgType array"] = (U("""{"MsgType":["8"]}"""), ProtocolErrorKind.MissingMsgType),
        ["MsgType boolean"] = (U("""{"MsgType":true}"""), ProtocolErrorKind.MissingMsgType),

        // Well-formed JSON, wrong field types (8, X, V, BE, BF)
        ["8 OrderID object"] = (U("""{"MsgType":"8","OrderID":{"x":1}}"""), ProtocolErrorKind.InvalidField),
        ["8 OrderID 1e400"] = (U("""{"MsgType":"8","OrderID":1e400}"""), ProtocolErrorKind.InvalidField),
        ["8 OrderID 99999999999999999999"] = (U("""{"MsgType":"8","OrderID":99999999999999999999}"""), ProtocolErrorKind.InvalidField),
        ["8 Price \"NaN\""] = (U("""{"MsgType":"8","Price":"NaN"}"""), ProtocolErrorKind.InvalidField),
        ["8 CumQty fractional"] = (U("""{"MsgType":"8","CumQty":0.5}"""), ProtocolErrorKind.InvalidField),
        ["8 ExecType array"] = (U("""{"MsgType":"8","ExecType":["0"]}"""), ProtocolErrorKind.InvalidField),
        ["8 LeavesQty null"] = (U("""{"MsgType":"8","LeavesQty":null}"""), ProtocolErrorKind.InvalidField),
        ["X MDIncGrp string"] = (U("""{"MsgType":"X","MDReqID":1,"MDIncGrp":"none"}"""), ProtocolErrorKind.InvalidField),
        ["X entry MDEntryPx object"] = (U("""{"MsgType":"X","MDReqID":1,"MDIncGrp":[{"MDEntryType":"0","MDEntryPx":{}}]}"""), ProtocolErrorKind.InvalidField),
        ["X MDReqID 1e400"] = (U("""{"MsgType":"X","MDReqID":1e400,"MDIncGrp":[]}"""), ProtocolErrorKind.InvalidField),
        ["V MarketDepth text"] = (U("""{"MsgType":"V","MDReqID":1,"SubscriptionRequestType":"1","MarketDepth":"full"}"""), ProtocolErrorKind.InvalidField),
        ["V MarketDepth beyond int"] = (U("""{"MsgType":"V","MDReqID":1,"MarketDepth":99999999999}"""), ProtocolErrorKind.InvalidField),
        ["V Instruments string"] = (U("""{"MsgType":"V","MDReqID":1,"Instruments":"BTCUSD"}"""), ProtocolErrorKind.InvalidField),
        ["V MDEntryTypes objects"] = (U("""{"MsgType":"V","MDReqID":1,"MDEntryTypes":[{}]}"""), ProtocolErrorKind.InvalidField),
        ["BE Password object"] = (U($$"""{"MsgType":"BE","UserReqID":1,"Username":"u","Password":{"value":"{{Password}}"},"UserReqTyp":"1"}"""), ProtocolErrorKind.InvalidField),
        ["BE Password array"] = (U($$"""{"MsgType":"BE","UserReqID":1,"Password":["{{Password}}"],"UserReqTyp":"1"}"""), ProtocolErrorKind.InvalidField),
        ["BE UserReqID text next to a password"] = (U($$"""{"MsgType":"BE","UserReqID":"{{Password}}","Password":"{{Password}}","UserReqTyp":"1"}"""), ProtocolErrorKind.InvalidField),
        ["BE UserReqTyp object"] = (U($$$"""{"MsgType":"BE","UserReqID":1,"Password":"{{{Password}}}","UserReqTyp":{"t":"{{{Password}}}"}}"""), ProtocolErrorKind.InvalidField),
        ["BE TrustedDevice string"] = (U($$"""{"MsgType":"BE","UserReqID":1,"Password":"{{Password}}","TrustedDevice":"{{Password}}"}"""), ProtocolErrorKind.InvalidField),
        ["BE invalid UTF-8 in Password"] = (Bytes("""{"MsgType":"BE","UserReqID":1,"Password":"hunter2-""", (byte)0xFF, "S3cret\"}"), ProtocolErrorKind.InvalidField),
        ["BE truncated login"] = (U($$"""{"MsgType":"BE","UserReqID":1,"Username":"u","Password":"{{Password}}","UserReqTyp":"""), ProtocolErrorKind.MalformedJson),
        ["BE login with trailing garbage"] = (U($$$"""{"MsgType":"BE","UserReqID":1,"Password":"{{{Password}}}"}}"""), ProtocolErrorKind.MalformedJson),
        ["BF UserStatus text"] = (U("""{"MsgType":"BF","UserReqID":1,"UserStatus":"logged in"}"""), ProtocolErrorKind.InvalidField),
        ["BF PermissionList array"] = (U("""{"MsgType":"BF","UserReqID":1,"UserStatus":1,"PermissionList":[["D"]]}"""), ProtocolErrorKind.InvalidField),
        ["U5 rows without Columns"] = (U("""{"MsgType":"U5","OrdersReqID":1,"OrdListGrp":[["1",2]]}"""), ProtocolErrorKind.InvalidField),

        // Tolerant by design (see Tolerant_frames_parse_as_designed)
        ["duplicate MsgType: the first wins"] = (U("""{"MsgType":"0","MsgType":"8","TestReqID":"1"}"""), null),
        ["unknown MsgType"] = (U("""{"MsgType":"j","RefMsgType":"D"}"""), null),
        ["escaped MsgType"] = (U("""{"MsgType":"\u0038","OrderID":"1"}"""), null),
        ["numbers as strings and integral floats"] = (U("""{"MsgType":"V","MDReqID":"7","MarketDepth":"0","SubscriptionRequestType":1}"""), null),
        ["surrounding whitespace"] = (U(" \r\n{\"MsgType\":\"0\"}\n "), null),
        ["deep nesting in an unknown field within the limit"] = (U("""{"MsgType":"0","X":""" + Deep(60) + "}"), null),
    };

    public static TheoryData<string> ErrorCases => new(Table.Where(e => e.Value.Kind is not null).Select(e => e.Key));

    public static TheoryData<string> AllCases => new(Table.Keys);

    [Fact]
    public void The_table_has_at_least_thirty_malformed_frames()
        => Assert.True(Table.Count(e => e.Value.Kind is not null) >= 30);

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Malformed_frames_give_a_ProtocolException_of_the_right_kind_with_the_raw_frame(string name)
    {
        var (frame, kind) = Table[name];

        Assert.False(ProtocolSerializer.TryDeserialize(frame, out var message, out var error));
        Assert.Null(message);
        Assert.Equal(kind, error!.Kind);
        Assert.Equal(frame, error.RawFrame.ToArray());

        var thrown = Record.Exception(() => ProtocolSerializer.Deserialize(frame));
        var protocolException = Assert.IsType<ProtocolException>(thrown);
        Assert.Equal(kind, protocolException.Kind);
        Assert.Equal(frame, protocolException.RawFrame.ToArray());
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void No_exception_text_quotes_a_password(string name)
    {
        var (frame, _) = Table[name];
        if (ProtocolSerializer.TryDeserialize(frame, out _, out var error))
        {
            return;
        }
        Assert.DoesNotContain(Password, error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void The_generic_overload_and_TryReadMsgType_never_throw_anything_else(string name)
    {
        var (frame, _) = Table[name];
        var thrown = Record.Exception(() => ProtocolSerializer.Deserialize<ExecutionReport>(frame));
        Assert.True(thrown is null or ProtocolException, thrown?.GetType().Name);
        ProtocolSerializer.TryReadMsgType(frame, out _);
    }

    [Fact]
    public void Tolerant_frames_parse_as_designed()
    {
        // Dispatch reads the first MsgType; later duplicates are ignored (MsgType is never extension data).
        var heartbeat = Assert.IsType<Heartbeat>(ProtocolSerializer.Deserialize(Table["duplicate MsgType: the first wins"].Frame));
        Assert.Equal("1", heartbeat.TestReqID);
        Assert.Null(heartbeat.ExtensionData);

        Assert.IsType<UnknownMessage>(ProtocolSerializer.Deserialize(Table["unknown MsgType"].Frame));

        var report = Assert.IsType<ExecutionReport>(ProtocolSerializer.Deserialize(Table["escaped MsgType"].Frame));
        Assert.Equal(1, report.OrderID);

        var request = Assert.IsType<MarketDataRequest>(ProtocolSerializer.Deserialize(Table["numbers as strings and integral floats"].Frame));
        Assert.Equal(7, request.MDReqID);
        Assert.Equal(0, request.MarketDepth);
        Assert.Equal(SubscriptionRequestType.SnapshotAndUpdates, request.SubscriptionRequestType);

        Assert.IsType<Heartbeat>(ProtocolSerializer.Deserialize(Table["surrounding whitespace"].Frame));

        var deep = Assert.IsType<Heartbeat>(ProtocolSerializer.Deserialize(Table["deep nesting in an unknown field within the limit"].Frame));
        Assert.True(deep.ExtensionData!.ContainsKey("X"));
    }

    [Fact]
    public void A_login_record_never_prints_its_secrets()
    {
        var login = UserRequest.Login(1, 5, "user", Password, secondFactor: "123456", cancelOnDisconnect: true);
        Assert.DoesNotContain(Password, login.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("123456", login.ToString(), StringComparison.Ordinal);
        Assert.Contains(Password, ProtocolSerializer.SerializeToString(login), StringComparison.Ordinal);
    }
}
