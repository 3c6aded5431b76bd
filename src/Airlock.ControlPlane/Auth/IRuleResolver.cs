namespace Airlock.ControlPlane.Auth;

/// <summary>Lists the rules a user holds in a namespace (for SelfSubjectRulesReview / <c>kubectl auth can-i --list</c>).</summary>
public interface IRuleResolver
{
    RuleResolution RulesFor(UserInfo user, string @namespace);
}
