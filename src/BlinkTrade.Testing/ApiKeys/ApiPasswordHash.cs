using System.Security.Cryptography;
using System.Text;

namespace BlinkTrade.Testing.ApiKeys;

// The WebSocket APIPassword is stored only as a salted PBKDF2-SHA256 hash and compared in constant time.
internal sealed class ApiPasswordHash
{
    private const int SaltSize = 16;
    private const int HashSize = 32;

    private readonly byte[] _salt;
    private readonly byte[] _hash;
    private readonly int _iterations;

    private ApiPasswordHash(byte[] salt, byte[] hash, int iterations)
    {
        _salt = salt;
        _hash = hash;
        _iterations = iterations;
    }

    public static ApiPasswordHash Create(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        return new ApiPasswordHash(salt, Derive(password, salt, iterations), iterations);
    }

    public bool Verify(string? password)
    {
        if (password is null)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Derive(password, _salt, _iterations), _hash);
    }

    public override string ToString() => "ApiPasswordHash { *** }";

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashSize);
}
