using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using BlinkTrade.ApiKeys;
using BlinkTrade.Testing.ApiKeys;
using BlinkTrade.Testing.Hosting.Rest.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>
/// Handles every <c>/api/v1/apikey/...</c> call: request counting and fault injection, rate limit, key header,
/// key state and IP whitelist, timestamp window, signature, permission, then the operation on <see cref="ApiKeyStore"/>.
/// Nothing but the contract's <c>{"code","msg"}</c> ever reaches the caller on failure — no stack trace.
/// </summary>
internal sealed partial class ApiKeysRestHandler
{
    internal const string UsedWeightHeader = "X-USED-WEIGHT-1M";
    private const int MaxLabelLength = 32;
    private const int MaxPageSize = 100;

    private readonly ApiKeyStore _store;
    private readonly ApiKeysRestOptions _options;
    private readonly ApiKeysRateLimiter _rateLimiter;
    private readonly ApiKeysFaultInjector _faults;
    private readonly ApiKeysReplayGuard _replays;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ApiKeysRestHandler> _logger;

    public ApiKeysRestHandler(ApiKeyStore store, ApiKeysRestOptions options, ApiKeysRateLimiter rateLimiter, ApiKeysFaultInjector faults,
        ILogger<ApiKeysRestHandler> logger)
    {
        _store = store;
        _options = options;
        _rateLimiter = rateLimiter;
        _faults = faults;
        _timeProvider = options.TimeProvider ?? store.TimeProvider;
        _logger = logger;
        _replays = new ApiKeysReplayGuard(_timeProvider, options.ReplayCapacity);
        Endpoints =
        [
            new("create", "POST", 10, ApiKeysRestAccess.CustomerAll, Create),
            new("status", "GET", 1, ApiKeysRestAccess.Customer, Status),
            new("list", "GET", 5, ApiKeysRestAccess.Customer, List),
            new("revoke", "POST", 1, ApiKeysRestAccess.CustomerAll, Revoke),
            new("regenerate-secret", "POST", 10, ApiKeysRestAccess.CustomerAll, Regenerate),
            new("approve", "POST", 1, ApiKeysRestAccess.Admin, Approve),
            new("reject", "POST", 1, ApiKeysRestAccess.Admin, r => AdminTransition(r, _store.Reject)),
            new("disable", "POST", 1, ApiKeysRestAccess.Admin, r => AdminTransition(r, _store.Disable)),
            new("enable", "POST", 1, ApiKeysRestAccess.Admin, r => AdminTransition(r, _store.Enable)),
        ];
    }

    public IReadOnlyList<ApiKeysRestEndpoint> Endpoints { get; }

    public async Task HandleAsync(HttpContext context, ApiKeysRestEndpoint endpoint)
    {
        var fault = _faults.OnRequest(endpoint.Verb);
        var clientIp = _options.ClientIpResolver?.Invoke(context) ?? DefaultClientIp(context);

        var decision = _rateLimiter.Charge(clientIp, endpoint.Weight);
        context.Response.Headers[UsedWeightHeader] = decision.UsedWeight.ToString(CultureInfo.InvariantCulture);
        if (!decision.Allowed)
        {
            var text = decision.StatusCode == 418
                ? "IP banned for continuing to send requests after a 429; wait Retry-After."
                : "Too much request weight used; wait Retry-After.";
            await WriteAsync(context, Error(decision.StatusCode, ApiKeysRestErrorCodes.TooManyRequests, text, decision.RetryAfter)).ConfigureAwait(false);
            return;
        }

        ApiKeysRestReply reply;
        try
        {
            if (fault is { Delay: var delay } && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _timeProvider, context.RequestAborted).ConfigureAwait(false);
            }
            if (fault is { Throw: true })
            {
                throw new InvalidOperationException("Injected server bug (this text must never reach a client).");
            }
            if (fault is { StatusCode: { } failFirst, AfterExecution: false })
            {
                reply = Error(failFirst, ApiKeysRestErrorCodes.Unknown, "Injected fault: the request was not executed.");
            }
            else
            {
                var request = await AuthenticateAsync(context, endpoint, clientIp).ConfigureAwait(false);
                reply = endpoint.Execute(request);
                if (fault is { StatusCode: { } failAfter, AfterExecution: true })
                {
                    reply = Error(failAfter, ApiKeysRestErrorCodes.Unknown, "Internal error; the outcome of the request is unknown.");
                }
            }
        }
        catch (ApiKeysRestProblem problem)
        {
            reply = Error(problem.HttpStatus, problem.Code, problem.Message, problem.RetryAfter);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // The boundary: every failure becomes the contract's -1000, never a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogUnhandled(_logger, exception, endpoint.Verb);
            reply = Error(500, ApiKeysRestErrorCodes.Unknown, "Internal error; the outcome of the request is unknown.");
        }
        if (reply.StatusCode >= 400)
        {
            LogRefused(_logger, endpoint.Verb, reply.StatusCode, (reply.Body as RestErrorBody)?.Code);
        }
        await WriteAsync(context, reply).ConfigureAwait(false);
    }

    private async Task<ApiKeysRestRequest> AuthenticateAsync(HttpContext context, ApiKeysRestEndpoint endpoint, string clientIp)
    {
        var apiKey = context.Request.Headers[_options.ApiKeyHeaderName].ToString();
        if (!IsWellFormedApiKey(apiKey))
        {
            throw new ApiKeysRestProblem(401, ApiKeysRestErrorCodes.BadApiKeyFormat, "API-key format invalid.");
        }
        var caller = _store.Find(null, apiKey);
        if (caller is null || !caller.IsUsable || !caller.AllowsIp(clientIp))
        {
            throw ApiKeysRestProblem.Rejected();
        }

        var rawQuery = context.Request.QueryString.HasValue ? context.Request.QueryString.Value!.TrimStart('?') : string.Empty;
        string rawBody;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            rawBody = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }
        if (rawBody.Length > 0 && HttpMethods.IsPost(context.Request.Method) && !IsFormContent(context.Request.ContentType))
        {
            throw new ApiKeysRestProblem(415, ApiKeysRestErrorCodes.UnsupportedContentType,
                "Unsupported content type: a POST body must be application/x-www-form-urlencoded.");
        }
        var parameters = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        Merge(parameters, rawQuery);
        Merge(parameters, rawBody);
        var request = new ApiKeysRestRequest(caller, parameters);

        // Time window first, as Binance-style servers do: a stale request is refused whatever its signature.
        if (!long.TryParse(request.Get("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw ApiKeysRestProblem.Missing("timestamp");
        }
        var recvWindow = _options.DefaultRecvWindowMs;
        if (request.Get("recvWindow") is { } windowText
            && (!long.TryParse(windowText, NumberStyles.None, CultureInfo.InvariantCulture, out recvWindow) || recvWindow <= 0 || recvWindow > _options.MaxRecvWindowMs))
        {
            throw ApiKeysRestProblem.Invalid($"recvWindow must be between 1 and {_options.MaxRecvWindowMs}.");
        }
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (!(timestamp < now + 1000 && now - timestamp <= recvWindow))
        {
            throw new ApiKeysRestProblem(400, ApiKeysRestErrorCodes.InvalidTimestamp, "Timestamp for this request is outside of the recvWindow.");
        }

        var signature = request.Get("signature") ?? throw ApiKeysRestProblem.Missing("signature");
        var payload = WithoutSignature(rawQuery) + WithoutSignature(rawBody);
        if (!_store.VerifySignature(apiKey, payload, signature))
        {
            throw new ApiKeysRestProblem(400, ApiKeysRestErrorCodes.InvalidSignature, "Signature for this request is not valid.");
        }

        var permitted = endpoint.Access switch
        {
            ApiKeysRestAccess.Admin => caller.IsAdmin,
            ApiKeysRestAccess.CustomerAll => !caller.IsAdmin && (caller.Permissions & ApiKeyPermissions.All) == ApiKeyPermissions.All,
            _ => !caller.IsAdmin,
        };
        if (!permitted)
        {
            throw ApiKeysRestProblem.Rejected();
        }
        if (HttpMethods.IsPost(context.Request.Method))
        {
            RefuseReplay(endpoint.Verb + " " + apiKey, signature, timestamp + recvWindow);
        }
        return new ApiKeysRestRequest(_store.Touch(apiKey) ?? caller, parameters);
    }

    // Last, once the request is known to be genuine and permitted: only accepted signatures are remembered.
    private void RefuseReplay(string scope, string signature, long windowClosesAtMs)
    {
        switch (_replays.TryAccept(scope, signature, windowClosesAtMs, out var retryAfter))
        {
            case ApiKeysReplayVerdict.Replayed:
                throw new ApiKeysRestProblem(400, ApiKeysRestErrorCodes.DuplicateRequest, "Duplicate request: this signed request was already accepted.");
            case ApiKeysReplayVerdict.Full:
                throw new ApiKeysRestProblem(429, ApiKeysRestErrorCodes.TooManyRequests, "Too many signed requests in flight; wait Retry-After.") { RetryAfter = retryAfter };
        }
    }

    private static bool IsFormContent(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) &&
        string.Equals(parsed.MediaType.Value, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private ApiKeysRestReply Create(ApiKeysRestRequest request)
    {
        var restrictions = request.Get("restrictions") ?? "All";
        if (!ApiKeyPermissionNames.TryParse(restrictions, out var permissions))
        {
            throw ApiKeysRestProblem.Invalid("Invalid restrictions.");
        }
        var label = request.Get("label") ?? string.Empty;
        if (label.Length > MaxLabelLength)
        {
            throw ApiKeysRestProblem.Invalid($"label must be at most {MaxLabelLength} characters.");
        }
        var ips = new List<string>();
        if (request.Get("ipWhiteList") is { } list)
        {
            foreach (var part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!IPAddress.TryParse(part, out _))
                {
                    throw ApiKeysRestProblem.Invalid("Invalid ipWhiteList.");
                }
                ips.Add(part);
            }
        }
        var issued = _store.Create(new ApiKeyCreateRequest
        {
            Owner = request.Caller.Owner,
            Label = label,
            Permissions = permissions,
            IpWhiteList = ips,
            InitialState = ApiKeyLifecycleState.PendingApproval,
        });
        var entry = issued.Entry;
        return Ok(new RestKeyBody
        {
            ApiId = entry.ApiId,
            ApiKey = entry.ApiKey,
            SecretKey = issued.SecretKey,
            // Documented extension: lets a key created over REST log in over the WebSocket (BE with Password = APIPassword).
            ApiPassword = issued.ApiPassword,
            Permissions = ApiKeyPermissionNames.ToNames(entry.Permissions),
            Status = ApiKeyStatusCodes.ToRestStatus(entry.State),
            State = ApiKeyStatusCodes.ToRestStateName(entry.State),
            Label = entry.Label,
            CreateTime = entry.CreateTime.ToUnixTimeMilliseconds(),
        });
    }

    private ApiKeysRestReply Status(ApiKeysRestRequest request)
    {
        var (apiId, apiKey) = Reference(request);
        var entry = _store.Find(apiId, apiKey, request.Caller.Owner) ?? throw ApiKeysRestProblem.NoSuchKey();
        return Ok(StatusBody(entry));
    }

    private ApiKeysRestReply List(ApiKeysRestRequest request)
    {
        var page = ReadInt(request, "page", 1, 1, int.MaxValue);
        var pageSize = ReadInt(request, "pageSize", 20, 1, MaxPageSize);
        ApiKeyLifecycleState? state = null;
        if (request.Get("state") is { } stateText)
        {
            state = ApiKeyStatusCodes.TryParseRestStateName(stateText, out var parsed) ? parsed : throw ApiKeysRestProblem.Invalid("Invalid state.");
        }
        var result = _store.List(request.Caller.Owner, state, page, pageSize);
        return Ok(new RestListBody
        {
            Page = page,
            PageSize = pageSize,
            Total = result.Total,
            Rows = result.Rows.Select(e => new RestListRow
            {
                ApiId = e.ApiId,
                ApiKey = e.ApiKey,
                Label = e.Label,
                Permissions = ApiKeyPermissionNames.ToNames(e.Permissions),
                IpWhiteList = e.IpWhiteList,
                Status = ApiKeyStatusCodes.ToRestStatus(e.State),
                State = ApiKeyStatusCodes.ToRestStateName(e.State),
                CreateTime = e.CreateTime.ToUnixTimeMilliseconds(),
                LastUsedTime = e.LastUsedTime?.ToUnixTimeMilliseconds(),
            }).ToArray(),
        }, ApiKeysRestJsonContext.Default.RestListBody);
    }

    private ApiKeysRestReply Revoke(ApiKeysRestRequest request)
    {
        var (apiId, apiKey) = Reference(request);
        var result = _store.Revoke(apiId, apiKey, request.Caller.Owner);
        var entry = Check(result);
        return Ok(new RestKeyBody
        {
            ApiId = entry.ApiId,
            ApiKey = entry.ApiKey,
            Status = ApiKeyStatusCodes.ToRestStatus(entry.State),
            State = ApiKeyStatusCodes.ToRestStateName(entry.State),
        });
    }

    private ApiKeysRestReply Regenerate(ApiKeysRestRequest request)
    {
        var (apiId, apiKey) = Reference(request);
        var result = _store.RegenerateSecret(apiId, apiKey, request.Caller.Owner);
        var entry = Check(result);
        return Ok(new RestKeyBody { ApiId = entry.ApiId, ApiKey = entry.ApiKey, SecretKey = result.Issued!.SecretKey });
    }

    private ApiKeysRestReply Approve(ApiKeysRestRequest request)
    {
        var (apiId, apiKey) = Reference(request);
        ApiKeyPermissions? permissions = null;
        if (request.Get("restrictions") is { } restrictions)
        {
            permissions = ApiKeyPermissionNames.TryParse(restrictions, out var parsed) ? parsed : throw ApiKeysRestProblem.Invalid("Invalid restrictions.");
        }
        return Ok(StatusBody(Check(_store.Approve(apiId, apiKey, permissions))));
    }

    private static ApiKeysRestReply AdminTransition(ApiKeysRestRequest request, Func<string?, string?, ApiKeyOperationResult> operation)
    {
        var (apiId, apiKey) = Reference(request);
        return Ok(StatusBody(Check(operation(apiId, apiKey))));
    }

    private static ApiKeyEntry Check(ApiKeyOperationResult result) => result.Status switch
    {
        ApiKeyOperationStatus.Ok => result.Entry!,
        ApiKeyOperationStatus.NotFound => throw ApiKeysRestProblem.NoSuchKey(),
        ApiKeyOperationStatus.NotRevocable => throw ApiKeysRestProblem.Invalid("This API key is not revocable."),
        _ => throw ApiKeysRestProblem.Invalid(
            $"Invalid state transition: the key is {ApiKeyStatusCodes.ToRestStateName(result.Entry!.State)}."),
    };

    private static RestKeyBody StatusBody(ApiKeyEntry entry) => new()
    {
        ApiId = entry.ApiId,
        ApiKey = entry.ApiKey,
        Status = ApiKeyStatusCodes.ToRestStatus(entry.State),
        State = ApiKeyStatusCodes.ToRestStateName(entry.State),
        Permissions = ApiKeyPermissionNames.ToNames(entry.Permissions),
    };

    private static (string? ApiId, string? ApiKey) Reference(ApiKeysRestRequest request)
    {
        var apiId = request.Get("apiId");
        var apiKey = request.Get("apiKey");
        if (apiId is null && apiKey is null)
        {
            throw ApiKeysRestProblem.Missing("apiId' or 'apiKey");
        }
        return (apiId, apiKey);
    }

    private static int ReadInt(ApiKeysRestRequest request, string name, int fallback, int min, int max)
    {
        if (request.Get(name) is not { } text)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw ApiKeysRestProblem.Invalid($"{name} must be between {min} and {max}.");
    }

    private static ApiKeysRestReply Ok(RestKeyBody body) => new(200, body, ApiKeysRestJsonContext.Default.RestKeyBody);

    private static ApiKeysRestReply Ok(RestListBody body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<RestListBody> typeInfo) => new(200, body, typeInfo);

    private static ApiKeysRestReply Error(int status, int code, string message, TimeSpan? retryAfter = null) =>
        new(status, new RestErrorBody(code, message), ApiKeysRestJsonContext.Default.RestErrorBody, retryAfter);

    private static async Task WriteAsync(HttpContext context, ApiKeysRestReply reply)
    {
        context.Response.StatusCode = reply.StatusCode;
        if (reply.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, reply.Body, reply.TypeInfo, context.RequestAborted).ConfigureAwait(false);
    }

    private static void Merge(Dictionary<string, StringValues> target, string raw)
    {
        if (raw.Length == 0)
        {
            return;
        }
        foreach (var (name, values) in QueryHelpers.ParseQuery(raw))
        {
            target.TryAdd(name, values);
        }
    }

    // The signed payload is the raw query and body exactly as received, minus the signature parameter itself.
    private static string WithoutSignature(string raw)
    {
        if (raw.Length == 0 || !raw.Contains("signature=", StringComparison.Ordinal))
        {
            return raw;
        }
        return string.Join('&', raw.Split('&').Where(p => !p.StartsWith("signature=", StringComparison.Ordinal)));
    }

    private static bool IsWellFormedApiKey(string value) => value.Length == 64 && value.All(char.IsAsciiLetterOrDigit);

    internal static string DefaultClientIp(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            // In-memory test servers have no socket.
            return "127.0.0.1";
        }
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled failure in API-key endpoint {Verb}; answered -1000")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string verb);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "API-key endpoint {Verb} refused with HTTP {Status}, code {Code}")]
    private static partial void LogRefused(ILogger logger, string verb, int status, int? code);
}
