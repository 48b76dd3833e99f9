namespace BlinkTrade.Testing.Tests.Compatibility;

/// <summary>A fact that is skipped, with the reason, when <c>node</c> and <c>npm</c> are not on the PATH.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeTools.Find("node") is null || NodeTools.Find("npm") is null)
        {
            Skip = "node and npm are needed to run the original BlinkTrade JavaScript SDK; they are not on the PATH.";
        }
    }
}
