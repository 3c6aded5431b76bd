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

    public bool Has(string family) => _families.ContainsKey(family);

    public double Score
    {
        get
        {
            var clean = 1.0;
            foreach (var weights in _families.Values)
            {
                weights.Sort((a, b) => b.CompareTo(a));
                var familyClean = 1 - Math.Clamp(weights[0], 0, 1);
                for (var i = 1; i < weights.Count; i++) familyClean *= 1 - (Math.Clamp(weights[i], 0, 1) / 2);
                clean *= familyClean;
            }
            return 1 - clean;
        }
    }

    /// <summary>The strongest reasons first, without repeats.</summary>
    public IReadOnlyList<string> Reasons(int max) =>
        _all.OrderByDescending(s => s.Weight).Select(s => s.Reason).Distinct(StringComparer.Ordinal).Take(max).ToList();
}
