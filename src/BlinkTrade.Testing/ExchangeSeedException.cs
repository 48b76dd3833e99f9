namespace BlinkTrade.Testing;

/// <summary>A seed that cannot be loaded: malformed JSON or an invalid field. The message names the field (e.g. <c>users[2].broker</c>).</summary>
public sealed class ExchangeSeedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExchangeSeedException()
        : this("$", "invalid seed")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public ExchangeSeedException(string message)
        : this("$", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ExchangeSeedException(string message, Exception innerException)
        : this("$", message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="field">The field's path, e.g. <c>users[2].broker</c>.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ExchangeSeedException(string field, string problem, Exception? innerException = null)
        : base($"Invalid seed: {field}: {problem}", innerException)
    {
        Field = field;
    }

    /// <summary>The path of the offending field, e.g. <c>users[2].apiKeys[0].apiKey</c> (<c>$</c> for the whole seed).</summary>
    public string Field { get; } = "$";
}
