namespace Airlock.Guardrails.Injection;

/// <summary>
/// Evidence gathered about one text. Within a family the strongest signal counts fully and each further distinct rule
/// at half weight (ten matches of one rule are one signal); across families the signals combine as independent
/// evidence: score = 1 − Π(1 − family strength).
/// </summary>
internal sealed class SignalSet
{
    private readonly Dictionary<string, List<double>> _families = new(StringComparer.Ordinal);
    private readonly List<(double Weight, string Reason)> _all = [];

    public void Add(string family, double weight, string reason)
    {
        if (weight <= 0) return;
        _all.Add((weight, reason));
        if (!_families.TryGetValue(family, out var weights)) _families[family] = weights = [];
        weights.Add(weight);
    }

    /// <summary>
    /// Takes each family from a second view of the same text where that view's evidence is stronger: the better reading
    /// of a family counts, never both.
    /// </summary>
    public void Absorb(SignalSet other, string reasonPrefix)
    {
        foreach (var (family, weights) in other._families)
        {
            if (_families.TryGetValue(family, out var mine) && Strength(mine) >= Strength(weights)) continue;
            _families[family] = [.. weights];
            foreach (var (weight, reason) in other._all.Where(s => weights.Contains(s.Weight))) _all.Add((weight, reasonPrefix + reason));
        }
    }

    public bool Has(string family) => _families.ContainsKey(family);

    public double Score
    {
        get
        {
            var clean = 1.0;
            foreach (var weights in _families.Values) clean *= 1 - Strength(weights);
            return 1 - clean;
        }
    }

    private static double Strength(List<double> weights)
    {
        weights.Sort((a, b) => b.CompareTo(a));
        var clean = 1 - Math.Clamp(weights[0], 0, 1);
        for (var i = 1; i < weights.Count; i++) clean *= 1 - (Math.Clamp(weights[i], 0, 1) / 2);
        return 1 - clean;
    }

    /// <summary>The strongest reasons first, without repeats.</summary>
    public IReadOnlyList<string> Reasons(int max) =>
        _all.OrderByDescending(s => s.Weight).Select(s => s.Reason).Distinct(StringComparer.Ordinal).Take(max).ToList();
}
