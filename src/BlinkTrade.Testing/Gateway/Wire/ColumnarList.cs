using System.Text.Json;

namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>Writes a column-oriented list: <c>Columns</c> + <c>&lt;Name&gt;Grp</c> rows of arrays + Page/PageSize (§0.2).</summary>
internal static class ColumnarList
{
    public static void Write<T>(Utf8JsonWriter w, int page, int pageSize, string[] columns, string groupName, IEnumerable<T> rows, Action<Utf8JsonWriter, T> writeRow)
    {
        w.WriteNumber("Page", page);
        w.WriteNumber("PageSize", pageSize);
        w.WriteStartArray("Columns");
        foreach (var column in columns)
        {
            w.WriteStringValue(column);
        }
        w.WriteEndArray();
        w.WriteStartArray(groupName);
        foreach (var row in rows)
        {
            w.WriteStartArray();
            writeRow(w, row);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    public static (int Page, int PageSize) Paging(Wire.GatewayRequest message, int defaultPageSize)
        => Paging(message.GetOptionalInt32("Page"), message.GetOptionalInt32("PageSize"), defaultPageSize);

    /// <summary>Page (from 0) and PageSize (1–1,000) of a list request, with their defaults.</summary>
    public static (int Page, int PageSize) Paging(int? requestedPage, int? requestedPageSize, int defaultPageSize)
    {
        var page = requestedPage ?? 0;
        var pageSize = requestedPageSize ?? defaultPageSize;
        if (page < 0)
        {
            throw Wire.GatewayException.InvalidValue("Page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (pageSize is < 1 or > 1000)
        {
            throw Wire.GatewayException.InvalidValue("PageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return (page, pageSize);
    }
}
