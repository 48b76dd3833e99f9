using System.Globalization;
using System.Text.Json;

namespace BlinkTrade.Testing.Gateway.Permissions;

/// <summary>
/// Evaluates an API key's PermissionList against one inbound message, exactly per PROTOCOL.md §4.1 with the §5 G20
/// resolutions. A pure function over JSON: no state, no I/O.
/// </summary>
/// <remarks>
/// <c>{"T": [Filter, …]}</c>; <c>*</c> allows everything; a missing type is denied; an empty filter list allows the
/// type; otherwise at least one Filter must pass (OR), and a Filter — a flat list of <c>field, op, value</c> triples —
/// passes when every triple does (AND). Ops: eq ne in gt ge lt le has; fields may be dotted paths into objects;
/// numeric strings compare as numbers; an unknown op or a malformed filter denies.
/// </remarks>
internal static class PermissionEvaluator
{
    /// <summary>Whether <paramref name="message"/> of type <paramref name="msgType"/> is allowed. A null list (password login) allows all.</summary>
    public static bool IsAllowed(JsonElement? permissionList, string msgType, JsonElement message)
    {
        if (permissionList is not { } list)
        {
            return true;
        }
        if (list.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        if (list.TryGetProperty("*", out _))
        {
            return true;
        }
        if (!list.TryGetProperty(msgType, out var filters))
        {
            return false;
        }
        if (filters.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (filters.ValueKind != JsonValueKind.Array)
        {
            return false;
        }
        if (filters.GetArrayLength() == 0)
        {
            return true;
        }
        foreach (var filter in filters.EnumerateArray())
        {
            if (FilterPasses(filter, message))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether an unsolicited publication of <paramref name="msgType"/> may be delivered (null list: always).</summary>
    public static bool AllowsPublication(JsonElement? permissionList, string msgType)
    {
        if (permissionList is not { } list)
        {
            return true;
        }
        return list.ValueKind == JsonValueKind.Object && (list.TryGetProperty("*", out _) || list.TryGetProperty(msgType, out _));
    }

    /// <summary>Whether the list grants "account info" (<c>*</c> or <c>BF</c>); otherwise usernames are masked.</summary>
    public static bool HasAccountInfo(JsonElement? permissionList) => AllowsPublication(permissionList, "BF");

    private static bool FilterPasses(JsonElement filter, JsonElement message)
    {
        if (filter.ValueKind != JsonValueKind.Array)
        {
            return false;
        }
        var length = filter.GetArrayLength();
        if (length == 0 || length % 3 != 0)
        {
            return false;
        }
        for (var i = 0; i < length; i += 3)
        {
            var field = filter[i];
            var op = filter[i + 1];
            if (field.ValueKind != JsonValueKind.String || op.ValueKind != JsonValueKind.String)
            {
                return false;
            }
            if (!TriplePasses(field.GetString()!, op.GetString()!, filter[i + 2], message))
            {
                return false;
            }
        }
        return true;
    }

    private static bool TriplePasses(string path, string op, JsonElement expected, JsonElement message)
    {
        var present = TryResolve(message, path, out var actual);
        return op switch
        {
            "eq" => present && JsonEquals(actual, expected),
            "ne" => !present || !JsonEquals(actual, expected),
            "in" => present && expected.ValueKind == JsonValueKind.Array && expected.EnumerateArray().Any(candidate => JsonEquals(actual, candidate)),
            "gt" => present && Compare(actual, expected) is > 0,
            "ge" => present && Compare(actual, expected) is >= 0,
            "lt" => present && Compare(actual, expected) is < 0,
            "le" => present && Compare(actual, expected) is <= 0,
            "has" => present && Has(actual, expected),
            _ => false, // unknown operator: deny (safer than engine-2015, §4.1 recommendation)
        };
    }

    private static bool TryResolve(JsonElement message, string path, out JsonElement value)
    {
        value = message;
        foreach (var segment in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value))
            {
                value = default;
                return false;
            }
        }
        return value.ValueKind != JsonValueKind.Null;
    }

    private static bool Has(JsonElement container, JsonElement keys)
    {
        if (container.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        return keys.ValueKind switch
        {
            JsonValueKind.String => container.TryGetProperty(keys.GetString()!, out _),
            JsonValueKind.Array => keys.EnumerateArray().Any(key => key.ValueKind == JsonValueKind.String && container.TryGetProperty(key.GetString()!, out _)),
            _ => false,
        };
    }

    private static bool JsonEquals(JsonElement actual, JsonElement expected)
    {
        if (TryNumber(actual, out var a) && TryNumber(expected, out var b))
        {
            return a == b;
        }
        return (actual.ValueKind, expected.ValueKind) switch
        {
            (JsonValueKind.String, JsonValueKind.String) => string.Equals(actual.GetString(), expected.GetString(), StringComparison.Ordinal),
            (JsonValueKind.True, JsonValueKind.True) or (JsonValueKind.False, JsonValueKind.False) => true,
            (JsonValueKind.Array, JsonValueKind.Array) or (JsonValueKind.Object, JsonValueKind.Object) => JsonElement.DeepEquals(actual, expected),
            _ => false,
        };
    }

    private static int? Compare(JsonElement actual, JsonElement expected)
    {
        if (TryNumber(actual, out var a) && TryNumber(expected, out var b))
        {
            return a.CompareTo(b);
        }
        if (actual.ValueKind == JsonValueKind.String && expected.ValueKind == JsonValueKind.String)
        {
            return string.CompareOrdinal(actual.GetString(), expected.GetString());
        }
        return null;
    }

    // Numeric strings compare as numbers so ["DepositMethodID","eq","501"] matches 501 (§5 G20).
    private static bool TryNumber(JsonElement element, out decimal value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return element.TryGetDecimal(out value);
            case JsonValueKind.String:
                return decimal.TryParse(element.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }
}
