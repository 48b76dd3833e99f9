namespace BlinkTrade.RestSoak;

/// <summary>The process exit codes (README.md lists them): a script can tell a broken promise from a run that could
/// not finish from a wrong call.</summary>
internal static class RestSoakExitCodes
{
    /// <summary>The run finished and every check held.</summary>
    public const int AllChecksHeld = 0;

    /// <summary>The run finished and at least one check failed (the summary and rest-soak.log say which).</summary>
    public const int CheckFailed = 1;

    /// <summary>Invalid arguments: nothing was started.</summary>
    public const int InvalidArguments = 2;

    /// <summary>The run could not finish: the exchange or a client did not start, or the audit could not read the
    /// exchange (nothing could be checked).</summary>
    public const int RunFailed = 3;
}
