using System.Text.RegularExpressions;

namespace BlinkTrade.Packaging.Tests;

/// <summary>
/// The C# blocks of the repository's README that are marked for testing: <c>&lt;!-- readme-test: quickstart --&gt;</c>
/// (a complete program) and <c>&lt;!-- readme-test: continue --&gt;</c> (statements that continue it).
/// </summary>
internal sealed partial class ReadmeSnippets
{
    private ReadmeSnippets(string quickstart, IReadOnlyList<string> continuations)
    {
        Quickstart = quickstart;
        Continuations = continuations;
    }

    /// <summary>The quickstart block, exactly as the README shows it.</summary>
    public string Quickstart { get; }

    /// <summary>The blocks that continue the quickstart, in README order.</summary>
    public IReadOnlyList<string> Continuations { get; }

    public static ReadmeSnippets Load(string repositoryRoot)
    {
        var readme = File.ReadAllText(Path.Combine(repositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var blocks = MarkedBlock().Matches(readme).Select(m => (Kind: m.Groups["kind"].Value, Code: m.Groups["code"].Value)).ToList();
        var quickstart = blocks.Where(b => b.Kind == "quickstart").Select(b => b.Code).ToList();
        if (quickstart.Count != 1)
        {
            throw new InvalidOperationException($"README.md must mark exactly one quickstart block; found {quickstart.Count}.");
        }
        var unknown = blocks.Where(b => b.Kind is not ("quickstart" or "continue")).Select(b => b.Kind).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException("Unknown readme-test markers: " + string.Join(", ", unknown));
        }
        return new ReadmeSnippets(quickstart[0], blocks.Where(b => b.Kind == "continue").Select(b => b.Code).ToList());
    }

    /// <summary>The quickstart followed by every continuation, with all using directives moved to the top (C# requires it).</summary>
    public string CombinedProgram()
    {
        var lines = new[] { Quickstart }.Concat(Continuations).SelectMany(code => code.Split('\n')).ToList();
        var usings = lines.Where(IsUsingDirective).Distinct(StringComparer.Ordinal);
        var statements = lines.Where(line => !IsUsingDirective(line));
        return string.Join('\n', usings.Append(string.Empty).Concat(statements));
    }

    private static bool IsUsingDirective(string line) => UsingDirective().IsMatch(line);

    [GeneratedRegex(@"<!-- readme-test: (?<kind>[a-z-]+) -->\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MarkedBlock();

    [GeneratedRegex(@"^using [A-Za-z0-9_.]+;$")]
    private static partial Regex UsingDirective();
}
