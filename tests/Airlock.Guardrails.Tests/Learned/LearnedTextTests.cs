using Airlock.Guardrails.Injection.Learned;

namespace Airlock.Guardrails.Tests.Learned;

public class LearnedTextTests
{
    [TestCase("Ignore  PREVIOUS\n\ninstructions", "ignore previous instructions")]
    [TestCase("i\u200Bg\u200Dnore", "ignore")]
    [TestCase("\uFF29\uFF47\uFF4E\uFF4F\uFF52\uFF45", "ignore")]
    [TestCase("\u0456gn\u043Er\u0435", "ignore")]
    [TestCase("1gn0r3 pr3v10us", "1gnore previous")]
    [TestCase("d\u00E9sactive", "desactive")]
    public void Text_is_folded_the_way_the_rules_fold_it(string text, string expected)
    {
        var buffer = new char[text.Length];

        var length = LearnedText.Normalize(text, buffer, out _);

        new string(buffer, 0, length).Should().Be(expected);
    }

    [Test]
    public void Hidden_characters_are_counted()
    {
        var buffer = new char[8];

        LearnedText.Normalize("a\u200Bb\u202Ec", buffer, out var facts);

        facts.Hidden.Should().Be(2);
    }
}
