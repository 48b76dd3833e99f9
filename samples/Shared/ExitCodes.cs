namespace BlinkTrade.Samples;

/// <summary>The process exit codes, the same for the quickstart and the standalone reference exchange
/// (samples/README.md lists them): scripts can tell "it ran" from "it failed" from "you called it wrong". Both projects
/// compile this one file.</summary>
internal static class ExitCodes
{
    /// <summary>Ran and stopped as asked (Ctrl+C, SIGTERM or <c>--duration</c>).</summary>
    public const int Success = 0;

    /// <summary>A runtime failure: e.g. the server could not be reached or refused the login, the run was stopped before
    /// start-up finished, or the server could not start.</summary>
    public const int Failure = 1;

    /// <summary>Invalid arguments: nothing was started.</summary>
    public const int InvalidArguments = 2;
}
