using Spectre.Console;
using Spectre.Console.Rendering;

namespace BlinkTrade.Samples.Tests.Support;

/// <summary>
/// A Spectre.Console console of a fixed size that writes plain text (no colours, no escape codes) into a string: what
/// Spectre.Console.Testing's <c>TestConsole</c> does. That package has no release for the Spectre.Console 0.49.1 this
/// repository pins (its first one on the registry is 0.55.0, which needs Spectre.Console 0.55), so this is the same
/// few lines over the public <see cref="AnsiConsole.Create"/>.
/// </summary>
internal static class TextConsole
{
    /// <summary>The capabilities of a Unicode terminal without colours, for layout decisions.</summary>
    public static IReadOnlyCapabilities Capabilities => Create(new StringWriter(), 80, 24).Profile.Capabilities;

    /// <summary>Draws <paramref name="renderable"/> on a <paramref name="width"/> × <paramref name="height"/> console.</summary>
    /// <param name="renderable">What to draw.</param>
    /// <param name="width">Columns.</param>
    /// <param name="height">Rows.</param>
    /// <returns>The text on the screen, lines separated by <c>\n</c>.</returns>
    public static string Draw(IRenderable renderable, int width, int height)
    {
        using var output = new StringWriter();
        Create(output, width, height).Write(renderable);
        return output.ToString().ReplaceLineEndings("\n");
    }

    private static IAnsiConsole Create(TextWriter output, int width, int height)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }
}
