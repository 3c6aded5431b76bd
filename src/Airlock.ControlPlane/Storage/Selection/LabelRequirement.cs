namespace Airlock.ControlPlane.Storage.Selection;

/// <summary>One clause of a label selector.</summary>
public sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Exists => has,
            LabelOperator.DoesNotExist => !has,
            LabelOperator.Equals => has && value == Values[0],
            LabelOperator.NotEquals => !has || value != Values[0],
            LabelOperator.In => has && Values.Contains(value!, StringComparer.Ordinal),
            LabelOperator.NotIn => !has || !Values.Contains(value!, StringComparer.Ordinal),
            _ => false,
        };
    }
}
