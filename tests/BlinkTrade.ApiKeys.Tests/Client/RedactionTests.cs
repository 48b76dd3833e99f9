namespace BlinkTrade.ApiKeys.Tests.Client;

public sealed class RedactionTests
{
    private const string Secret = "S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tABCD";

    [Fact]
    public void Models_and_credentials_never_print_secrets()
    {
        var created = ApiKeysModelFactory.CreatedApiKey(apiId: "1", apiKey: "key", secretKey: Secret, apiPassword: "pw-0123456789ab");
        var regenerated = ApiKeysModelFactory.RegeneratedApiKeySecret("1", "key", Secret);
        var credential = new ApiKeysCredential("key", Secret);
        foreach (var text in new[] { created.ToString(), regenerated.ToString(), credential.ToString(), created.ToCredential().ToString() })
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("pw-0123456789ab", text, StringComparison.Ordinal);
            Assert.Contains("key", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_validation_requires_endpoint_and_credential()
    {
        Assert.Throws<InvalidOperationException>(() => new ApiKeysClient(new ApiKeysClientOptions { Credential = new ApiKeysCredential("k", "s") }));
        Assert.Throws<InvalidOperationException>(() => new ApiKeysClient(new ApiKeysClientOptions { Endpoint = new Uri("http://localhost/") }));
        Assert.Throws<InvalidOperationException>(() => new ApiKeysAdminClient(new ApiKeysAdminClientOptions
        {
            Endpoint = new Uri("http://localhost/"),
            Credential = new ApiKeysCredential("k", "s"),
            RecvWindow = TimeSpan.FromMinutes(2),
        }));
        Assert.Throws<InvalidOperationException>(() => new ApiKeysClient(new ApiKeysClientOptions
        {
            Endpoint = new Uri("http://localhost/"),
            Credential = new ApiKeysCredential("k", "s"),
            AttemptTimeout = TimeSpan.FromMilliseconds(1),
        }));
    }
}
