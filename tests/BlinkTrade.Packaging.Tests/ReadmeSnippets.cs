using System.Text.RegularExpressions;

namespace BlinkTrade.Packaging.Tests;

/// <summary>
/// The C# blocks of the repository's README. Every one is marked: <c>&lt;!-- readme-test: quickstart --&gt;</c> (the
/// complete program a user starts from, with the <c>using</c> lines of every block), <c>&lt;!-- readme-test:
/// continue --&gt;</c> (statements a user pastes below it, in order) or <c>&lt;!-- readme-test: fragment --&gt;</c> (a
/// sketch the README says is not part of the program). An unmarked block is an error, so none escapes the test.
/// </summary>
internal sealed partial class ReadmeSnippets
{
    private ReadmeSnippets(string quickstart, IReadOnlyList<string> continuations, int fragments)
    {
        Quickstart = quickstart;
        Continuations = continuations;
        Fragments = fragments;
    }

    /// <summary>The quickstart block, exactly as the README shows it.</summary>
    public string Quickstart { get; }

    /// <summary>The blocks that continue the quickstart, in README order.</summary>
    public IReadOnlyList<string> Continuations { get; }

    /// <summary>How many blocks are marked as fragments (not compiled).</summary>
    public int Fragments { get; }

    /// <summary>What a user gets by pasting the quickstart and then every continuation, in order, into one
    /// <c>Program.cs</c>: the blocks one after the other, nothing moved or added.</summary>
    public string Program => string.Concat(new[] { Quickstart }.Concat(Continuations));

    public static ReadmeSnippets Load(string repositoryRoot)
    {
        var readme = File.ReadAllText(Path.Combine(repositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var blocks = CSharpBlock().Matches(readme).Select(m => (Kind: m.Groups["kind"].Value, Code: m.Groups["code"].Value)).ToList();
        var unmarked = blocks.Count(b => b.Kind.Length == 0);
        if (unmarked > 0)
        {
            throw new InvalidOperationException($"README.md has {unmarked} C# block(s) without a readme-test marker (quickstart, continue or fragment).");
        }
        var unknown = blocks.Where(b => b.Kind is not ("quickstart" or "continue" or "fragment")).Select(b => b.Kind).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException("Unknown readme-test markers: " + string.Join(", ", unknown));
        }
        if (blocks.Count == 0 || blocks[0].Kind != "quickstart" || blocks.Count(b => b.Kind == "quickstart") != 1)
        {
            throw new InvalidOperationException("README.md must mark exactly one quickstart block, its first C# block.");
        }
        return new ReadmeSnippets(blocks[0].Code, blocks.Where(b => b.Kind == "continue").Select(b => b.Code).ToList(), blocks.Count(b => b.Kind == "fragment"));
    }

    /// <summary>Whether <paramref name="line"/> is a <c>using</c> directive (a namespace), not a <c>using var</c> declaration.</summary>
    public static bool IsUsingDirective(string line) => UsingDirective().IsMatch(line);

    [GeneratedRegex(@"^using [A-Za-z0-9_.]+;")]
    private static partial Regex UsingDirective();

    // A ```csharp block and the marker on the line right above it, if any.
    [GeneratedRegex(@"(?:<!-- readme-test: (?<kind>[a-z-]+) -->\n)?```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
