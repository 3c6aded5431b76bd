using System.Collections;
using Cel;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>
/// A CEL environment with the string functions of Kubernetes' CEL libraries that the Cel package lacks
/// (<c>lowerAscii</c>, <c>upperAscii</c>, <c>trim</c>, <c>replace</c>, <c>split</c>, <c>indexOf</c>, <c>lastIndexOf</c>, <c>join</c>).
/// </summary>
public static class KubernetesCelLibrary
{
    public static CelEnvironment CreateEnvironment()
    {
        var environment = new CelEnvironment([], "");
        Type[] oneString = [typeof(string)];
        Type[] twoStrings = [typeof(string), typeof(string)];
        environment.RegisterFunction("lowerAscii", oneString, a => Str(a, 0).ToLowerInvariant());
        environment.RegisterFunction("upperAscii", oneString, a => Str(a, 0).ToUpperInvariant());
        environment.RegisterFunction("trim", oneString, a => Str(a, 0).Trim());
        environment.RegisterFunction("replace", [typeof(string), typeof(string), typeof(string)],
            a => Str(a, 1).Length == 0 ? Str(a, 0) : Str(a, 0).Replace(Str(a, 1), Str(a, 2), StringComparison.Ordinal));
        environment.RegisterFunction("split", twoStrings, a => Str(a, 0).Split(Str(a, 1)).Cast<object?>().ToList());
        environment.RegisterFunction("indexOf", twoStrings, a => (long)Str(a, 0).IndexOf(Str(a, 1), StringComparison.Ordinal));
        environment.RegisterFunction("lastIndexOf", twoStrings, a => (long)Str(a, 0).LastIndexOf(Str(a, 1), StringComparison.Ordinal));
        environment.RegisterFunction("join", [typeof(IEnumerable), typeof(string)],
            a => string.Join(Str(a, 1), ((IEnumerable)a[0]!).Cast<object?>().Select(o => o?.ToString())));
        return environment;
    }

    private static string Str(object?[] args, int index) => args[index] as string ?? throw new ArgumentException($"argument {index} must be a string");
}
