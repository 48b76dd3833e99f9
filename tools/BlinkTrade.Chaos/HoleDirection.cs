namespace BlinkTrade.Chaos;

/// <summary>Which way a black hole swallows bytes: up is client to exchange.</summary>
internal enum HoleDirection
{
    Up,
    Down,
    Both,
}
