using System.Globalization;

namespace BlinkTrade.Testing.Matching.Replay;

/// <summary>
/// A benchmark command stream (bench/FORMAT.md) parsed into memory before anything is timed. Ticks and lots map to
/// satoshis as 1 tick = 0.01 quote (10^6 sat) and 1 lot = 0.0001 base (10^4 sat, BlinkTrade's minimum order size).
/// </summary>
internal sealed class CommandStream
{
    public const long TickSatoshis = 1_000_000;
    public const long LotSatoshis = 10_000;

    private CommandStream(StreamCommand[] commands, int preload, long[] streamIdByEngineId, int[] users)
    {
        Commands = commands;
        Preload = preload;
        StreamIdByEngineId = streamIdByEngineId;
        Users = users;
    }

    public StreamCommand[] Commands { get; }

    /// <summary>Leading commands that build the starting book (not timed).</summary>
    public int Preload { get; }

    /// <summary>Stream order id of engine order id <c>i</c> (engine ids are assigned 1, 2, 3 … to every P and K in file order).</summary>
    public long[] StreamIdByEngineId { get; }

    /// <summary>Distinct user ids, ascending.</summary>
    public int[] Users { get; }

    public static CommandStream Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    public static CommandStream Parse(TextReader reader)
    {
        var header = reader.ReadLine() ?? throw new FormatException("Empty stream.");
        if (!header.StartsWith("# ", StringComparison.Ordinal))
        {
            throw new FormatException("Line 1 must be the '# ... commands=...' header.");
        }

        var fields = header[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        var count = int.Parse(fields["commands"], CultureInfo.InvariantCulture);
        var preload = fields.TryGetValue("preload", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 0;
        var commands = new StreamCommand[count];
        var engineIdByStreamId = new Dictionary<long, long>(count);
        var streamIds = new List<long> { 0 };
        var users = new HashSet<int>();
        var n = 0;
        string? line;
        var lineNumber = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (n == count)
            {
                throw new FormatException($"Line {lineNumber}: more commands than the header's commands={count}.");
            }

            var parts = line.Split(',');
            ref var command = ref commands[n++];
            switch (parts[0])
            {
                case "P" when parts.Length == 7:
                    command.Kind = StreamCommandKind.Limit;
                    command.UserId = ParseInt(parts[2]);
                    command.Side = ParseSide(parts[3]);
                    command.TimeInForce = parts[4] switch
                    {
                        "GTC" => TimeInForce.GoodTillCancel,
                        "IOC" => TimeInForce.ImmediateOrCancel,
                        "FOK" => TimeInForce.FillOrKill,
                        _ => throw new FormatException($"Line {lineNumber}: bad time in force."),
                    };
                    command.Price = long.Parse(parts[5], CultureInfo.InvariantCulture) * TickSatoshis;
                    command.Quantity = long.Parse(parts[6], CultureInfo.InvariantCulture) * LotSatoshis;
                    NewId(parts[1]);
                    break;
                case "K" when parts.Length == 5:
                    command.Kind = StreamCommandKind.Market;
                    command.UserId = ParseInt(parts[2]);
                    command.Side = ParseSide(parts[3]);
                    command.Quantity = long.Parse(parts[4], CultureInfo.InvariantCulture) * LotSatoshis;
                    NewId(parts[1]);
                    break;
                case "C" when parts.Length == 3:
                    command.Kind = StreamCommandKind.Cancel;
                    command.UserId = ParseInt(parts[2]);
                    command.TargetOrderId = engineIdByStreamId.GetValueOrDefault(long.Parse(parts[1], CultureInfo.InvariantCulture), -1);
                    break;
                default:
                    throw new FormatException($"Line {lineNumber}: unknown command '{line}'.");
            }

            users.Add(command.UserId);
        }

        if (n != count)
        {
            throw new FormatException($"Header says commands={count}, stream has {n}.");
        }

        var sortedUsers = users.ToArray();
        Array.Sort(sortedUsers);
        return new CommandStream(commands, preload, [.. streamIds], sortedUsers);

        void NewId(string text)
        {
            var streamId = long.Parse(text, CultureInfo.InvariantCulture);
            engineIdByStreamId[streamId] = streamIds.Count;
            streamIds.Add(streamId);
        }
    }

    private static int ParseInt(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static Side ParseSide(string text) => text switch
    {
        "B" => Side.Buy,
        "S" => Side.Sell,
        _ => throw new FormatException("Bad side."),
    };
}
