using System.Text.Json.Nodes;

namespace BlinkTrade.Testing.Tapes;

/// <summary>One frame of a <see cref="SessionTape"/>: when it passed, on which connection, which way, and what it held
/// (credentials already replaced by <c>***</c>).</summary>
/// <param name="Time">When the recorder saw it, on the recorder's clock.</param>
/// <param name="Connection">The connection it belongs to, numbered from 1 in the order the recorder saw them open.</param>
/// <param name="Direction">Which way it went.</param>
/// <param name="Frame">The frame's JSON object; null when the frame was not JSON (the tape keeps only its length).</param>
public sealed record TapeEntry(DateTimeOffset Time, int Connection, TapeDirection Direction, JsonObject? Frame)
{
    /// <summary>The frame's <c>MsgType</c>, or null.</summary>
    public string? MsgType => Frame?["MsgType"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? Frame["MsgType"]!.GetValue<string>() : null;
}
