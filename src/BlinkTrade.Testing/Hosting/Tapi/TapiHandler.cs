using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BlinkTrade.Testing.Gateway;
using BlinkTrade.Testing.Gateway.Handlers;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Hosting.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Hosting.Tapi;

/// <summary>
/// <c>POST /tapi/v1/message</c> (PROTOCOL.md §4.4): one protocol message per call, authenticated by the <c>APIKey</c>,
/// <c>Nonce</c> and <c>Signature</c> headers, run through the same dispatcher, PermissionList and handlers as an API-key
/// WebSocket session, answered <c>{"Status":200,"Description":"OK","Responses":[…]}</c> with the direct reply first and
/// every message the request caused after it, in order.
/// </summary>
/// <remarks>
/// The checks, in order: the three headers; the key (exists, usable, not a platform key, the caller's IP in its
/// whitelist — one answer for all, as the WebSocket login gives); the signature (HMAC-SHA256 of the nonce with the
/// key's secret, compared in constant time by <see cref="ApiKeys.ApiKeyStore.VerifySignature"/>); the whole body (else
/// 413); then, in the key's turn (one call per key at a time), the nonce (strictly above the key's last, else 401
/// "Invalid nonce") and the key's one-second message limit (the WebSocket's, else 429).
/// A message refused by the gateway (unknown type, PermissionList, bad field) is answered with Status 200 and the
/// gateway's ERROR in <c>Responses</c>, exactly as the WebSocket session would send it.
/// </remarks>
internal sealed partial class TapiHandler(ExchangeRuntime runtime)
{
    internal const string ApiKeyHeader = "APIKey";
    internal const string NonceHeader = "Nonce";
    internal const string SignatureHeader = "Signature";

    private readonly TapiKeyGuard _guard = new(runtime.TimeProvider, runtime.Options.MaxMessagesPerSecond);
    private readonly ILogger _logger = runtime.LoggerFactory.CreateLogger("BlinkTrade.Testing.Tapi");

    public async Task HandleAsync(HttpContext context)
    {
        var clientIp = ApiKeysRestHandler.DefaultClientIp(context);
        var headers = context.Request.Headers;
        var apiKey = headers[ApiKeyHeader].ToString();
        var nonceText = headers[NonceHeader].ToString();
        var signature = headers[SignatureHeader].ToString();
        if (apiKey.Length == 0 || nonceText.Length == 0 || signature.Length == 0)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, GatewayErrors.NotAuthorized, "The APIKey, Nonce and Signature headers are required.").ConfigureAwait(false);
            return;
        }
        var key = runtime.ApiKeys.Find(null, apiKey);
        if (key is null || !key.IsUsable || key.IsAdmin || key.Owner == ApiKeys.ApiKeyOwner.Platform || !key.AllowsIp(clientIp))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, GatewayErrors.NotAuthorized, "Invalid API key, or not usable from this address.").ConfigureAwait(false);
            return;
        }
        // Only the nonce is signed (§4.4); the secret never leaves the store.
        if (!runtime.ApiKeys.VerifySignature(apiKey, nonceText, signature))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Invalid signature", "The signature is not HMAC-SHA256(APISecret, Nonce).").ConfigureAwait(false);
            return;
        }
        if (!long.TryParse(nonceText, NumberStyles.None, CultureInfo.InvariantCulture, out var nonce))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Invalid nonce", "The nonce must be a positive integer.").ConfigureAwait(false);
            return;
        }
        // The whole message first: a nonce is accepted only with its message in hand. Accepted on its head alone, a
        // call whose body is still on its way (a lost segment) would run after the caller gave up on it and resolved it
        // with a query carrying a larger nonce — an order placed after the caller was told it was not
        // (tools/BlinkTrade.RestSoak); read first, it is refused for its nonce instead.
        var body = await ReadBodyAsync(context, runtime.Options.MaxFrameBytes).ConfigureAwait(false);
        if (body is null)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, GatewayErrors.MessageTooLarge,
                $"A message is limited to {runtime.Options.MaxFrameBytes} bytes.").ConfigureAwait(false);
            return;
        }
        TapiRequestConnection connection;
        // The key's calls are accepted and run one at a time, so they run in the order of their nonces.
        using (await _guard.WaitTurnAsync(apiKey, context.RequestAborted).ConfigureAwait(false))
        {
            switch (_guard.Admit(apiKey, nonce))
            {
                case TapiAdmission.InvalidNonce:
                    await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Invalid nonce", "The nonce must be greater than the last one used with this key.").ConfigureAwait(false);
                    return;
                case TapiAdmission.RateLimited:
                    context.Response.Headers.RetryAfter = "1";
                    await RefuseAsync(context, StatusCodes.Status429TooManyRequests, GatewayErrors.TooManyMessages,
                        $"More than {runtime.Options.MaxMessagesPerSecond} messages in the last second with this key.").ConfigureAwait(false);
                    return;
            }
            var identity = await SessionHandlers.ResolveApiKeyIdentityAsync(runtime.Services, runtime.ApiKeys.Touch(apiKey) ?? key, cancelOnDisconnect: false,
                context.RequestAborted).ConfigureAwait(false);
            if (identity is null)
            {
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, GatewayErrors.NotAuthorized, "Invalid API key, or not usable from this address.").ConfigureAwait(false);
                return;
            }

            // The call runs to its end even if the caller goes away, as a WebSocket request does once received.
            connection = new TapiRequestConnection(body, $"REST {clientIp}");
            await runtime.RunRequestSessionAsync(connection, clientIp, identity).ConfigureAwait(false);
        }
        var frames = connection.SentFrames;
        if (frames.Count == 0)
        {
            await RefuseAsync(context, StatusCodes.Status500InternalServerError, GatewayErrors.UnknownError, "The request produced no answer.").ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await WriteAsync(context, w =>
        {
            w.WriteNumber("Status", 200);
            w.WriteString("Description", "OK");
            w.WriteStartArray("Responses");
            foreach (var frame in frames)
            {
                // Each frame is one JSON object the gateway wrote: embedded as is.
                w.WriteRawValue(frame, skipInputValidation: true);
            }
            w.WriteEndArray();
        }).ConfigureAwait(false);
    }

    // The body, or null when it exceeds the gateway's frame limit.
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, int maxBytes)
    {
        if (context.Request.ContentLength is { } length && length > maxBytes)
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, 4096));
        var reader = context.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var segment in result.Buffer)
            {
                if (buffer.WrittenCount + segment.Length > maxBytes)
                {
                    reader.AdvanceTo(result.Buffer.End);
                    return null;
                }
                buffer.Write(segment.Span);
            }
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return buffer.WrittenSpan.ToArray();
            }
        }
    }

    private async Task RefuseAsync(HttpContext context, int status, string description, string detail)
    {
        LogRefused(_logger, status, description);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await WriteAsync(context, w =>
        {
            w.WriteNumber("Status", status);
            w.WriteString("Description", description);
            w.WriteString("Detail", detail);
        }).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> writeFields)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writeFields(writer);
            writer.WriteEndObject();
        }
        await context.Response.Body.WriteAsync(output.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    // Never the headers' values: the signature and the key stay out of logs.
    [LoggerMessage(EventId = 4090, Level = LogLevel.Information, Message = "REST trade call refused with {Status}: {Description}")]
    private static partial void LogRefused(ILogger logger, int status, string description);
}
