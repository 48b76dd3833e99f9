namespace BlinkTrade.ApiKeys.Tests.Client;

/// <summary>The contract's HMAC-SHA256 test vectors (APIKEYS-REST.md, "Known test vector").</summary>
public sealed class SignatureTests
{
    private const string Secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    [Fact]
    public void Query_only_vector_matches()
    {
        const string payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        Assert.Equal("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", ApiKeysSignature.Compute(Secret, payload));
    }

    [Fact]
    public void Query_plus_body_vector_matches_without_separator()
    {
        var signature = ApiKeysSignature.Compute(Secret, "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");
        Assert.Equal("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77", signature);
    }

    [Theory]
    [InlineData("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", true)]
    [InlineData("C8DB56825AE71D6D79447849E617115F4A920FA2ACDCAB2B053C4B2838BD6B71", true)]
    [InlineData("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b70", false)]
    [InlineData("c8db56825ae71d6d", false)]
    [InlineData("zzdb56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", false)]
    [InlineData(null, false)]
    public void Verify_accepts_only_the_exact_signature(string? signature, bool expected)
    {
        const string payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        Assert.Equal(expected, ApiKeysSignature.Verify(Secret, payload, signature));
    }
}
