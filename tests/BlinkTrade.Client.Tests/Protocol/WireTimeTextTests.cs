using System.Buffers;
using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary><see cref="WireTimeText"/> (the hot converters' dates and times) writes exactly what the wire converters write.</summary>
public sealed class WireTimeTextTests
{
    private static readonly JsonSerializerOptions Options = new();

    public static TheoryData<long> Instants()
    {
        var data = new TheoryData<long> { DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks, new DateTime(2016, 9, 7, 4, 40, 12, DateTimeKind.Utc).Ticks + 9_999_999 };
        var random = new Random(14);
        for (var i = 0; i < 20; i++)
        {
            data.Add(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Instants))]
    public void Writes_the_text_of_the_wire_converters(long ticks)
    {
        var utc = new DateTime(ticks, DateTimeKind.Utc);
        var date = DateOnly.FromDateTime(utc);
        var time = TimeOnly.FromDateTime(utc);
        Assert.Equal(Json(w => Convert(w, new WireDateTimeConverter(), utc)), Json(w => WireTimeText.WriteDateTime(w, "v"u8, utc)));
        Assert.Equal(Json(w => Convert(w, new WireDateConverter(), date)), Json(w => WireTimeText.WriteDate(w, "v"u8, date)));
        Assert.Equal(Json(w => Convert(w, new WireTimeConverter(), time)), Json(w => WireTimeText.WriteTime(w, "v"u8, time)));
    }

    private static void Convert<T>(Utf8JsonWriter writer, System.Text.Json.Serialization.JsonConverter<T> converter, T value)
    {
        writer.WritePropertyName("v"u8);
        converter.Write(writer, value, Options);
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
