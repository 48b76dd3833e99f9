using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Tapes;

/// <summary>
/// Replaces credentials in a frame with <c>***</c>, the way <see cref="SecretString"/> prints them. The fields are the
/// ones the client's protocol records declare as <see cref="SecretString"/> (passwords, second-factor codes, tokens,
/// API secrets), found once by reflection so a new secret field is redacted without a list to keep in step.
/// </summary>
internal static class TapeRedaction
{
    public const string Redacted = "***";

    private static readonly HashSet<string> SecretFields = FindSecretFields();

    /// <summary>The names of the redacted fields.</summary>
    public static IReadOnlyCollection<string> Fields => SecretFields;

    /// <summary>Redacts every secret field, at any depth, in place.</summary>
    public static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(property => property.Key).ToArray())
                {
                    // Whatever the value's shape: a hostile frame may send a secret as an object or an array.
                    if (SecretFields.Contains(name) && obj[name] is not null)
                    {
                        obj[name] = Redacted;
                    }
                    else
                    {
                        Redact(obj[name]);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Redact(item);
                }
                break;
        }
    }

    private static HashSet<string> FindSecretFields()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in typeof(SecretString).Assembly.GetExportedTypes())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.PropertyType == typeof(SecretString) || property.PropertyType == typeof(SecretString?))
                {
                    names.Add(property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name);
                }
            }
        }
        return names;
    }
}
