using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// <see cref="NewOrderSingleReader"/> (the exchange's hot request) builds the record the source-generated deserializer
/// builds, and leaves to it everything it does not take, so errors are reported exactly as before.
/// </summary>
public sealed class NewOrderSingleReaderTests
{
    [Theory]
    [InlineData("""{"MsgType":"D","ClOrdID":"7302190","Symbol":"BTCUSD","Side":"1","OrdType":"2","Price":62100000000,"OrderQty":80000000,"BrokerID":5}""")]
    [InlineData("""{"ClOrdID":"a","Symbol":"BTCUSD","Side":"2","OrdType":"4","Price":"5","StopPx":6,"OrderQty":"70","TimeInForce":"3","ExecInst":"6","ClientID":90000001,"PegPriceType":"1","MsgType":"D"}""")]
    [InlineData("""{"MsgType":"D","ClOrdID":7,"Symbol":true,"Side":"Z","OrdType":1,"OrderQty":1e3,"Price":null,"TimeInForce":null,"Extra":[1,{"b":null}],"Zed":"z","AVeryLongUnknownFieldNameThatDoesNotFitTheBuffer":1}""")]
    [InlineData("""{"MsgType":"D"}""")]
    [InlineData("""{"MsgType":"D","Cl\u004FrdID":"escaped name","Symbol":"BTC\u0055SD"}""")]
    public void Builds_the_record_the_serializer_builds(string frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);
        var generated = JsonSerializer.Deserialize(bytes, ProtocolJsonContext.Default.NewOrderSingle)!;

        Assert.True(NewOrderSingleReader.TryRead(bytes, ProtocolJsonContext.Default.Options, out var read));

        Assert.Equal(ProtocolSerializer.SerializeToString(generated), ProtocolSerializer.SerializeToString(read));
        Assert.Equal(ProtocolSerializer.SerializeToString(generated), ProtocolSerializer.SerializeToString(ProtocolSerializer.Deserialize(bytes)));
    }

    [Theory]
    [InlineData("""{"MsgType":"D","ClOrdID":"a","OrderQty":"abc"}""", "$.OrderQty")]
    [InlineData("""{"MsgType":"D","ClOrdID":"a","OrderQty":null}""", "$.OrderQty")]
    [InlineData("""{"MsgType":"D","ClOrdID":{"a":1}}""", "$.ClOrdID")]
    [InlineData("""{"MsgType":"D","Side":[1]}""", "$.Side")]
    [InlineData("""{"MsgType":"D","Price":1.5}""", "$.Price")]
    public void Leaves_what_it_does_not_take_to_the_serializer_which_reports_the_path(string frame, string path)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);

        Assert.False(NewOrderSingleReader.TryRead(bytes, ProtocolJsonContext.Default.Options, out _));

        Assert.False(ProtocolSerializer.TryDeserialize(bytes, out _, out var error));
        Assert.Equal(ProtocolErrorKind.InvalidField, error!.Kind);
        Assert.Equal(path, Assert.IsAssignableFrom<JsonException>(error.InnerException).Path);
    }
}
