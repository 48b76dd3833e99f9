using System.Security.Cryptography;

namespace BlinkTrade.Testing.ApiKeys;

// Random credentials from a CSPRNG, alphanumeric so they survive query strings, headers and JSON untouched.
internal static class ApiKeyCredentialGenerator
{
    public const int ApiKeyLength = 64;
    public const int SecretKeyLength = 64;
    public const int ApiPasswordLength = 15;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewApiKey() => Next(ApiKeyLength);

    public static string NewSecretKey() => Next(SecretKeyLength);

    public static string NewApiPassword() => Next(ApiPasswordLength);

    public static bool IsWellFormedApiKey(string? value) =>
        value is { Length: ApiKeyLength } && value.All(char.IsAsciiLetterOrDigit);

    private static string Next(int length) => new(RandomNumberGenerator.GetItems<char>(Alphabet, length));
}
