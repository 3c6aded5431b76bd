using System.Text.Json;

namespace Airlock.Guardrails.Redteam;

/// <summary>Disguises that change the packaging: markup around the text, or the text split across several messages.</summary>
internal static class WrapperMutations
{
    public static string Markup(string text, Random random) => random.Next(7) switch
    {
        0 => $"<!-- {text} -->",
        1 => $"```\n{text}\n```",
        2 => JsonSerializer.Serialize(new { title = "Search result", content = text }),
        3 => $"<div class=\"review\"><p>{text}</p></div>",
        4 => "> " + text.Replace("\n", "\n> ", StringComparison.Ordinal),
        5 => $"title: Quarterly notes\nbody: |\n  {text.Replace("\n", "\n  ", StringComparison.Ordinal)}",
        _ => $"Product review (5 stars): Great blender, works well.\n\n{text}\n\nSent from my phone",
    };

    /// <summary>Two or three messages; sometimes a word is cut in half at a boundary.</summary>
    public static IReadOnlyList<string> Split(string text, Random random)
    {
        var parts = 2 + random.Next(2);
        if (text.Length < parts * 4) return [text];
        var cuts = new List<int>();
        for (var i = 1; i < parts; i++)
        {
            var cut = text.Length * i / parts;
            if (random.Next(2) == 0)
            {
                var space = text.IndexOf(' ', cut);
                if (space > 0 && space < text.Length - 1) cut = space + 1;
            }
            cuts.Add(cut);
        }
        var messages = new List<string>();
        var start = 0;
        foreach (var cut in cuts.Append(text.Length))
        {
            if (cut > start) messages.Add(text[start..cut]);
            start = Math.Max(start, cut);
        }
        return messages;
    }
}
