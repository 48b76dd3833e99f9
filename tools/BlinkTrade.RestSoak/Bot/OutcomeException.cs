namespace BlinkTrade.RestSoak.Bot;

/// <summary>Carries a call's classified outcome with the exception the client threw, to the bot's timer.</summary>
internal sealed class OutcomeException(string outcome, Exception inner) : Exception(outcome, inner)
{
    public string Outcome { get; } = outcome;
}
