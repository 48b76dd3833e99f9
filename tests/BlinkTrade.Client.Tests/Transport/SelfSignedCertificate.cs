using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BlinkTrade.Client.Tests.Transport;

/// <summary>A throwaway <c>CN=localhost</c> certificate with its private key, for TLS servers on loopback in tests.</summary>
internal static class SelfSignedCertificate
{
    /// <summary>Creates one valid from yesterday to tomorrow; the caller disposes it.</summary>
    public static X509Certificate2 CreateForLocalhost()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Exported and loaded again: a TLS server needs a certificate whose private key is not ephemeral (Windows refuses one).
        return X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pkcs12), null);
    }
}
