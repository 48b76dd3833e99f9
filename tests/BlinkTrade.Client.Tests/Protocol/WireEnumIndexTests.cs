using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// <see cref="WireEnumIndex{T}"/>, the one-byte lookup the compact reader and the packed <see cref="ExecutionReport"/>
/// use, finds exactly what <see cref="WireEnumValues{T}"/>'s own search finds, for every byte and for longer texts.
/// </summary>
public sealed class WireEnumIndexTests
{
    [Fact]
    public void The_byte_table_agrees_with_the_known_values_of_every_enumeration()
    {
        Agrees<ExecType>();
        Agrees<OrdStatus>();
        Agrees<Side>();
        Agrees<OrdType>();
        Agrees<TimeInForce>();
        Agrees<OrdRejReason>();
        Agrees<ExecInst>();
        Agrees<MarketDataEntryType>();
        Agrees<MarketDataUpdateAction>();
        Agrees<MarketDataBookType>();
        Agrees<SecondFactorType>();
    }

    [Fact]
    public void The_packed_report_keeps_every_known_and_unknown_value_it_is_given()
    {
        foreach (var text in Texts())
        {
            var report = new ExecutionReport { ExecType = ExecType.FromWire(text), OrdStatus = OrdStatus.FromWire(text), TimeInForce = TimeInForce.FromWire(text) };
            Assert.Equal(text, report.ExecType.Value);
            Assert.Equal(text, report.OrdStatus.Value);
            Assert.Equal(text, report.TimeInForce!.Value.Value);
        }
    }

    // Every one-byte text (ASCII or not), the empty text, two-byte texts and every known value.
    private static IEnumerable<string> Texts()
    {
        for (var b = 1; b < 256; b++)
        {
            yield return ((char)b).ToString();
        }
        yield return "10";
        yield return "1 ";
        yield return "OTP+EMAIL";
    }

    private static void Agrees<T>()
        where T : struct, IWireEnum<T>
    {
        var texts = new List<byte[]> { Array.Empty<byte>(), "10"u8.ToArray(), "1 "u8.ToArray(), "\u00e9"u8.ToArray() };
        for (var b = 0; b < 256; b++)
        {
            texts.Add([(byte)b]);
        }
        texts.AddRange(T.Values.All.Select(v => System.Text.Encoding.UTF8.GetBytes(v.Value)));
        foreach (var text in texts)
        {
            var expected = T.Values.TryGet(text, out var expectedValue);
            Assert.Equal(expected, WireEnumIndex<T>.TryGet(text, out var value));
            Assert.Equal(expectedValue, value);
            if (expected)
            {
                Assert.Same(expectedValue.Value, value.Value);
            }
        }
        foreach (var known in T.Values.All.Concat([T.FromWire("Z~"), T.FromWire("~"), T.FromWire("\u00e9")]))
        {
            Assert.Equal(T.Values.IndexOf(known), WireEnumIndex<T>.IndexOf(known));
        }
    }
}
