namespace BlinkTrade.Testing.Hosting.Rest;

// What the replay guard says about a signed POST.
internal enum ApiKeysReplayVerdict
{
    // First time seen in its window: run it.
    Accepted,

    // Already accepted in its window: 400 -1099.
    Replayed,

    // The guard is full of live signatures: refused (429) rather than run unremembered.
    Full,
}
