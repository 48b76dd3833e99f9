using System.Text.Json;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>How one column-oriented list reply is written.</summary>
/// <param name="ReplyType">The reply's MsgType.</param>
/// <param name="Columns">The <c>Columns</c> array, in row order.</param>
/// <param name="Group">The rows' field, e.g. <c>OrdListGrp</c>.</param>
/// <param name="WriteRow">Writes one row's values, in <paramref name="Columns"/> order.</param>
internal sealed record ColumnarListSpec<TRow>(string ReplyType, string[] Columns, string Group, Action<Utf8JsonWriter, TRow> WriteRow);
