using System.Security.Cryptography;
using System.Text;

namespace BlinkTrade.Testing.Users;

/// <summary>
/// A PBKDF2-SHA256 password hash with its salt and iteration count, for user passwords and API-key APIPasswords alike.
/// Passwords are never stored, only this; verification recomputes the hash and compares in constant time.
/// </summary>
internal sealed class PasswordHash
{
    private const int HashBytes = 32;
    private const int SaltBytes = 16;
    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private PasswordHash(byte[] salt, byte[] hash, int iterations)
    {
        _salt = salt;
        _hash = hash;
        Iterations = iterations;
    }

    public int Iterations { get; }

    public static PasswordHash Create(string password, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new PasswordHash(salt, Derive(password, salt, iterations), iterations);
    }

    public bool Verify(string? password)
    {
        // Always derive, even for a null password, so timing does not reveal which check failed.
        var candidate = Derive(password ?? string.Empty, _salt, Iterations);
        return CryptographicOperations.FixedTimeEquals(candidate, _hash) && password is not null;
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    /// <inheritdoc />
    public override string ToString() => "PasswordHash(PBKDF2-SHA256, ***)";
}
