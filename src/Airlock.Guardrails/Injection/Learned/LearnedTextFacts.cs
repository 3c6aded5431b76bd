namespace Airlock.Guardrails.Injection.Learned;

/// <summary>Counts noted while normalising a text, turned into the model's few structural features.</summary>
internal struct LearnedTextFacts
{
    public int Hidden;
    public int Styled;
    public int NonLatin;
    public int Upper;
    public int Letters;
}
