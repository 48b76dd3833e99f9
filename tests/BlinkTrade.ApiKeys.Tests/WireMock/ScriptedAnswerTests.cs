using System.Text.Json;
using BlinkTrade.ApiKeys.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace BlinkTrade.ApiKeys.Tests.WireMock;

/// <summary>
/// How the client reads answers no conforming server sends, scripted with WireMock.Net: truncated and non-JSON
/// bodies, HTML pages, unexpected content types, unknown fields, and an answer slower than the attempt timeout.
/// </summary>
public sealed class ScriptedAnswerTests
{
    private static readonly ApiKeyReference Key = ApiKeyReference.ById("7");

    [Fact]
    public async Task A_truncated_json_body_surfaces_as_an_invalid_answer_and_is_not_retried()
    {
        using var api = ScriptedApi.Start();
        api.Always(ScriptedApi.StatusPath, ScriptedApi.Json(200, """{"apiId":"7","apiKey":"key-7","sta"""));
        var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(Key));

        Assert.Equal(200, error.Status);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Single(api.Requests(ScriptedApi.StatusPath));
    }

    [Fact]
    public async Task A_200_html_page_is_not_taken_for_an_answer()
    {
        using var api = ScriptedApi.Start();
        api.Always(ScriptedApi.CreatePath, Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html")
            .WithBody("<html><head><title>Sign in to the Wi-Fi</title></head></html>"));
        var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.CreateApiKeyAsync(ApiKeyPermissions.Account));

        Assert.Equal(200, error.Status);
        Assert.Null(error.ErrorCode);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Wi-Fi", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_200_body_surfaces_as_an_empty_answer()
    {
        using var api = ScriptedApi.Start();
        api.Always(ScriptedApi.StatusPath, Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json"));
        var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(Key));

        Assert.Equal(200, error.Status);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_body_under_an_unexpected_content_type_is_read_by_its_shape()
    {
        using var api = ScriptedApi.Start();
        api.Always(ScriptedApi.StatusPath, Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/plain; charset=utf-8")
            .WithBody(ScriptedApi.StatusJson));
        var client = api.CreateClient();

        var status = await client.GetStatusAsync(Key);

        Assert.True(status.Value.IsUsable);
        Assert.Equal(ApiKeyPermissions.All, status.Value.Permissions);
    }

    [Fact]
    public async Task An_xml_body_surfaces_as_an_invalid_answer()
    {
        using var api = ScriptedApi.Start();
        api.Always(ScriptedApi.StatusPath, Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/xml")
            .WithBody("<status><apiId>7</apiId></status>"));
        var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(Key));

        Assert.Equal(200, error.Status);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task Unknown_fields_values_and_headers_are_ignored_or_kept_not_fatal()
    {
        using var api = ScriptedApi.Start();
        api.Always(ScriptedApi.StatusPath, ScriptedApi.Json(200,
            """{"apiId":"7","apiKey":"key-7","status":"0","state":"SUSPENDED_FOR_REVIEW","permissions":["Account","FutureModule"],"riskTier":{"level":3},"tags":[1,2]}""")
            .WithHeader("X-USED-WEIGHT-1M", "17").WithHeader("X-Something-New", "yes"));
        var client = api.CreateClient();

        var status = await client.GetStatusAsync(Key);

        // Extra fields are skipped, a numeric string is read as a number, an unknown state and permission survive.
        Assert.True(status.Value.IsUsable);
        Assert.Equal("SUSPENDED_FOR_REVIEW", status.Value.State.ToString());
        Assert.Equal(ApiKeyPermissions.Account, status.Value.Permissions);
        Assert.Equal(17, status.UsedWeight1M);
        Assert.Equal(17, client.LastUsedWeight1M);
    }

    [Fact]
    public async Task An_error_body_with_extra_fields_still_yields_code_and_message()
    {
        using var api = ScriptedApi.Start();
        api.Always(ScriptedApi.RevokePath, ScriptedApi.Json(400, """{"code":-2008,"msg":"Invalid Api-Key ID.","traceId":"abc","details":[]}"""));
        var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.RevokeAsync(Key));

        Assert.Equal((400, -2008, "Invalid Api-Key ID."), (error.Status, error.ErrorCode, error.ServerMessage));
        Assert.False(error.IsOutcomeUnknown);
    }

    [Fact]
    public async Task An_answer_slower_than_the_attempt_timeout_surfaces_as_timed_out()
    {
        using var api = ScriptedApi.Start();
        // The server holds the answer for 10 s of real time; the client's 2 s attempt timeout runs on its fake clock.
        api.Always(ScriptedApi.RevokePath, ScriptedApi.Json(200, ScriptedApi.StatusJson).WithDelay(TimeSpan.FromSeconds(10)));
        var client = api.CreateClient(o => o.AttemptTimeout = TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => api.AdvanceUntilDoneAsync(client.RevokeAsync(Key), TimeSpan.FromMilliseconds(500)));

        // A POST of unknown outcome: one attempt, reported as timed out with no status, never resent.
        Assert.Equal(0, error.Status);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(error.InnerException);
    }
}
