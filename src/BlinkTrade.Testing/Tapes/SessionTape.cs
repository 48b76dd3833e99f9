using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlinkTrade.Testing.Tapes;

/// <summary>
/// A recorded session tape: JSON Lines, one frame per line, in the order the recorder saw them, e.g.
/// <c>{"t":"2026-01-01T00:00:00.0000000+00:00","conn":1,"dir":"out","frame":{"MsgType":"BE",…,"Password":"***"}}</c>
/// (<c>dir</c>: <c>out</c> client to exchange, <c>in</c> exchange to client). Record one with <see cref="TapeRecorder"/>,
/// play it to a client with <see cref="TapeReplayer"/>.
/// </summary>
public sealed class SessionTape
{
    // A file for people to read: "+" and "<" stay as they are (nothing here is embedded in HTML).
    private static readonly JsonSerializerOptions LineFormat = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private SessionTape(IReadOnlyList<TapeEntry> entries) => Entries = entries;

    /// <summary>The frames, in recorded order.</summary>
    public IReadOnlyList<TapeEntry> Entries { get; }

    /// <summary>Reads a tape file.</summary>
    /// <param name="path">The JSON Lines file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tape.</returns>
    /// <exception cref="FormatException">A line is not a tape entry; the message names the line.</exception>
    public static async Task<SessionTape> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = File.OpenText(path);
        return await ReadAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a tape from text.</summary>
    /// <param name="reader">The JSON Lines text.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tape.</returns>
    /// <exception cref="FormatException">A line is not a tape entry; the message names the line.</exception>
    public static async Task<SessionTape> ReadAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<TapeEntry>();
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (line.Length > 0)
            {
                entries.Add(ParseLine(line, number));
            }
        }
        return new SessionTape(entries);
    }

    /// <summary>The entries as one JSON line (no line break).</summary>
    internal static string FormatLine(TapeEntry entry, int nonJsonBytes = 0)
    {
        var line = new JsonObject
        {
            ["t"] = entry.Time.ToString("O", CultureInfo.InvariantCulture),
            ["conn"] = entry.Connection,
            ["dir"] = entry.Direction == TapeDirection.ClientToExchange ? "out" : "in",
            ["frame"] = entry.Frame,
        };
        if (entry.Frame is null)
        {
            line["bytes"] = nonJsonBytes;
        }
        return line.ToJsonString(LineFormat);
    }

    private static TapeEntry ParseLine(string line, int number)
    {
        try
        {
            var node = JsonNode.Parse(line)?.AsObject() ?? throw new FormatException("null");
            var time = DateTimeOffset.Parse(node["t"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            var direction = node["dir"]!.GetValue<string>() switch
            {
                "out" => TapeDirection.ClientToExchange,
                "in" => TapeDirection.ExchangeToClient,
                var other => throw new FormatException($"dir \"{other}\" is neither \"out\" nor \"in\""),
            };
            var frame = node["frame"] as JsonObject;
            node.Remove("frame"); // detach, so the entry owns it
            return new TapeEntry(time, node["conn"]!.GetValue<int>(), direction, frame);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new FormatException($"Tape line {number} is not a tape entry: {e.Message}", e);
        }
    }
}
