using System.Text.Json;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// <see cref="WireExtensionData"/>, the one-property extension data the compact reader gives a record, behaves as the
/// <see cref="Dictionary{TKey, TValue}"/> the tolerant reader builds, through any sequence of reads and changes, and never
/// changes the shared property it starts from.
/// </summary>
public sealed class WireExtensionDataTests
{
    private static readonly JsonElement[] Values = [JsonElement.Parse("\"2026-12-05 00:40:12\""), JsonElement.Parse("7"), JsonElement.Parse("\"x\"")];

    private static readonly string[] Keys = ["TransactTime", "transacttime", "Other", "Third"];

    [Fact]
    public void Any_sequence_of_operations_reads_as_a_dictionary_would()
    {
        var random = new Random(18);
        for (var run = 0; run < 300; run++)
        {
            var shared = new WireExtensionProperty(Keys[0], Values[0]);
            IDictionary<string, JsonElement> actual = new WireExtensionData(shared);
            IDictionary<string, JsonElement> expected = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [shared.Name] = shared.Value };
            for (var step = 0; step < 8; step++)
            {
                var key = Keys[random.Next(Keys.Length)];
                var value = Values[random.Next(Values.Length)];
                switch (random.Next(7))
                {
                    case 0: Same(() => actual[key] = value, () => expected[key] = value); break;
                    case 1: Same(() => actual.Add(key, value), () => expected.Add(key, value)); break;
                    case 2: Assert.Equal(expected.Remove(key), actual.Remove(key)); break;
                    case 3: Assert.Equal(expected.Remove(KeyValuePair.Create(key, value)), actual.Remove(KeyValuePair.Create(key, value))); break;
                    case 4: Same(() => _ = actual[key], () => _ = expected[key]); break;
                    case 5 when random.Next(4) == 0: actual.Clear(); expected.Clear(); break;
                    default: Assert.Equal(expected.Contains(KeyValuePair.Create(key, value)), actual.Contains(KeyValuePair.Create(key, value))); break;
                }
                Check(expected, actual);
            }
            Assert.Equal(Keys[0], shared.Name);
            Assert.Equal(Values[0].GetRawText(), shared.Value.GetRawText());
        }
    }

    [Fact]
    public void A_null_key_throws_as_in_a_dictionary()
    {
        IDictionary<string, JsonElement> data = new WireExtensionData(new WireExtensionProperty("TransactTime", Values[0]));
        Assert.Throws<ArgumentNullException>(() => data.TryGetValue(null!, out _));
        Assert.Throws<ArgumentNullException>(() => data.ContainsKey(null!));
        Assert.Throws<ArgumentNullException>(() => data[null!] = Values[1]);
        Assert.False(data.IsReadOnly);
    }

    private static void Same(Action actual, Action expected)
    {
        var thrown = Record.Exception(expected);
        var actualThrown = Record.Exception(actual);
        Assert.Equal(thrown?.GetType(), actualThrown?.GetType());
    }

    private static void Check(IDictionary<string, JsonElement> expected, IDictionary<string, JsonElement> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Select(p => (p.Key, p.Value.GetRawText())), actual.Select(p => (p.Key, p.Value.GetRawText())));
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Equal(expected.Values.Select(v => v.GetRawText()), actual.Values.Select(v => v.GetRawText()));
        Assert.Equal(((IReadOnlyDictionary<string, JsonElement>)expected).Keys, ((IReadOnlyDictionary<string, JsonElement>)actual).Keys);
        foreach (var key in Keys)
        {
            Assert.Equal(expected.ContainsKey(key), actual.ContainsKey(key));
            Assert.Equal(expected.TryGetValue(key, out var e), actual.TryGetValue(key, out var a));
            Assert.Equal(e.ValueKind == JsonValueKind.Undefined ? null : e.GetRawText(), a.ValueKind == JsonValueKind.Undefined ? null : a.GetRawText());
        }
        var copy = new KeyValuePair<string, JsonElement>[actual.Count + 1];
        actual.CopyTo(copy, 1);
        Assert.Equal(expected.Select(p => p.Key), copy.Skip(1).Select(p => p.Key));
    }
}
