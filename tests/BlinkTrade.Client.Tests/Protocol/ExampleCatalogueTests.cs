using System.Text;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// Catalogue-wide guard over every fixture file (a copy of the shared spec's examples/): whatever file is added,
/// each client-facing frame must parse into its typed record and survive a round trip; back-office B* frames are out
/// of scope and must still parse (as <see cref="UnknownMessage"/>) without error.
/// </summary>
public sealed class ExampleCatalogueTests
{
    public static TheoryData<string> AllFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "examples"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    [Fact]
    public void Every_example_file_of_the_spec_is_a_fixture()
    {
        // 76 files at the time of writing: 66 client-facing + 10 back-office.
        Assert.True(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "examples"), "*.json").Length >= 76);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Every_frame_parses_to_its_record_and_round_trips(string file)
    {
        var expectedMsgType = file[..file.IndexOf('_', StringComparison.Ordinal)];
        var isBackOffice = expectedMsgType.StartsWith('B') && expectedMsgType.Length > 1 && char.IsDigit(expectedMsgType[1]);
        var frames = ProtocolTestHelpers.ExampleFrames(file).ToList();
        Assert.NotEmpty(frames);

        foreach (var frame in frames)
        {
            var message = ProtocolSerializer.Deserialize(Encoding.UTF8.GetBytes(frame));
            Assert.Equal(expectedMsgType, message.MsgType);
            if (isBackOffice)
            {
                Assert.IsType<UnknownMessage>(message);
                continue;
            }
            Assert.IsNotType<UnknownMessage>(message);

            var first = ProtocolSerializer.SerializeToUtf8Bytes(message);
            var reparsed = ProtocolSerializer.Deserialize(first);
            Assert.Equal(message.GetType(), reparsed.GetType());
            Assert.Equal(first, ProtocolSerializer.SerializeToUtf8Bytes(reparsed));
        }
    }
}
