using BlinkTrade.ApiKeys.Serialization;
using Refit;

namespace BlinkTrade.ApiKeys.Pipeline;

// Refit's settings for both contract interfaces: the source-generated JSON context (no reflection-based JSON), and
// transport failures handed back unwrapped so ApiKeysHttpCore maps them exactly as before.
internal static class ApiKeysRefit
{
    public static RefitSettings CreateSettings()
    {
        var settings = RefitSettings.ForJsonContext(ApiKeysJsonContext.Default);
        settings.TransportExceptionFactory = static (_, exception, _) => exception;
        return settings;
    }

    // The build-time generated implementation only: RestService.For (reflection) is not trimming/AOT-safe.
    public static T For<T>(HttpClient http)
        where T : class => RestService.ForGenerated<T>(http, CreateSettings());
}
