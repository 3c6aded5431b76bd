namespace Airlock.Guardrails.Redteam;

/// <summary>Counts for one mutation family (or overall): attacks caught out of attacks, benign texts flagged out of benign texts.</summary>
public sealed class FamilyTally(string family)
{
    public string Family { get; } = family;
    public int Attacks { get; private set; }
    public int Detected { get; private set; }
    public int Benign { get; private set; }
    public int FalseAlarms { get; private set; }

    public double DetectionRate => Attacks == 0 ? 1 : (double)Detected / Attacks;
    public double FalseAlarmRate => Benign == 0 ? 0 : (double)FalseAlarms / Benign;

    public void Record(bool isAttack, bool flagged)
    {
        if (isAttack)
        {
            Attacks++;
            if (flagged) Detected++;
        }
        else
        {
            Benign++;
            if (flagged) FalseAlarms++;
        }
    }
}
