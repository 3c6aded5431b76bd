using Airlock.Api.Tasks;
using k8s;
using k8s.Models;

namespace Airlock.Cli.Commands;

internal sealed partial class DemoRun
{
    private Task ShowPodAsync(CancellationToken cancellationToken)
    {
        var pod = _pod!;
        var spec = pod.Spec;
        var container = spec.Containers.Single();
        var token = spec.Volumes.Select(v => v.Projected).OfType<V1ProjectedVolumeSource>()
            .SelectMany(p => p.Sources).Select(s => s.ServiceAccountToken).OfType<V1ServiceAccountTokenProjection>().FirstOrDefault();
        var security = container.SecurityContext;
        var requests = string.Join(", ", container.Resources.Requests.OrderBy(r => r.Key).Select(r => $"{r.Key}={r.Value}"));
        var limits = string.Join(", ", container.Resources.Limits.OrderBy(r => r.Key).Select(r => $"{r.Key}={r.Value}"));
        _screen.Line($"pod {pod.Metadata.Name}");
        _screen.Line($"  runtimeClassName              {spec.RuntimeClassName}   (a Kata MicroVM: no kernel shared with the node)");
        _screen.Line($"  automountServiceAccountToken  {spec.AutomountServiceAccountToken}");
        _screen.Line($"  projected token               audience={token?.Audience} expirationSeconds={token?.ExpirationSeconds} at {SandboxContract.TokenPath}");
        _screen.Line($"  securityContext               runAsNonRoot={security.RunAsNonRoot} readOnlyRootFilesystem={security.ReadOnlyRootFilesystem} " +
            $"allowPrivilegeEscalation={security.AllowPrivilegeEscalation} drop={string.Join(",", security.Capabilities?.Drop ?? [])} seccomp={security.SeccompProfile?.Type}");
        _screen.Line($"  requests                      {requests}");
        _screen.Line($"  limits                        {limits}");
        _screen.Line($"  activeDeadlineSeconds         {spec.ActiveDeadlineSeconds}   (timeout: 5m)");
        _screen.Line($"  HTTPS_PROXY                   {container.Env.FirstOrDefault(e => e.Name == "HTTPS_PROXY")?.Value}");
        _screen.Check(spec.RuntimeClassName == "kata-qemu", "runtime class is kata-qemu", spec.RuntimeClassName);
        _screen.Check(spec.AutomountServiceAccountToken == false, "no service-account token is automounted");
        _screen.Check(token is { Audience: "airlock-gateway", ExpirationSeconds: DemoSample.TokenSeconds }, "the only token is projected for airlock-gateway, 600 s");
        _screen.Check(security is { RunAsNonRoot: true, ReadOnlyRootFilesystem: true, AllowPrivilegeEscalation: false }
            && security.Capabilities?.Drop?.SequenceEqual(["ALL"]) == true && security.SeccompProfile?.Type == "RuntimeDefault", "the container is non-root, read-only, unprivileged, seccomp'd");
        _screen.Check(requests == limits, "requests equal limits (Kata sizes the VM from them)", $"{requests} vs {limits}");
        _screen.Check(spec.Volumes.All(v => v.Secret is null) && spec.Containers.SelectMany(c => c.Env ?? []).All(e => e.ValueFrom is null), "no Secret is mounted or referenced");
        return Task.CompletedTask;
    }

    private async Task ShowNetworkPolicyAsync(CancellationToken cancellationToken)
    {
        var policy = await Client.NetworkingV1.ReadNamespacedNetworkPolicyAsync($"{DemoSample.Task}-sandbox", DemoSample.Namespace, cancellationToken: cancellationToken);
        var spec = policy.Spec;
        _screen.Line($"networkpolicy {policy.Metadata.Name}: policyTypes [{string.Join(", ", spec.PolicyTypes)}], selects the sandbox pod only");
        _screen.Line($"  ingress: {(spec.Ingress is { Count: > 0 } ? $"{spec.Ingress.Count} rules" : "none (no debug opening)")}");
        _screen.Line("  egress:");
        foreach (var rule in spec.Egress ?? []) _screen.Line("    → " + Describe(rule));
        _screen.Line("  (api.github.com is not here: host names are enforced by the egress proxy, CIDRs by this policy)");
        var blocks = (spec.Egress ?? []).SelectMany(r => r.To ?? []).Select(p => p.IpBlock).OfType<V1IPBlock>().ToList();
        _screen.Check(spec.PolicyTypes.Contains("Ingress") && spec.PolicyTypes.Contains("Egress"), "both directions are default-deny");
        _screen.Check(spec.Ingress is null or { Count: 0 }, "no ingress at all");
        _screen.Check(blocks.Any(b => b.Cidr == "10.40.0.0/16"), "the task's CIDR 10.40.0.0/16 is open on its port");
        _screen.Check(blocks.All(b => b.Cidr != "0.0.0.0/0" && !b.Cidr.StartsWith("169.254.", StringComparison.Ordinal)), "no path to the internet or to cloud metadata (169.254.169.254)");
    }

    private static string Describe(V1NetworkPolicyEgressRule rule)
    {
        var ports = string.Join(",", (rule.Ports ?? []).Select(p => $"{p.Port?.Value}/{p.Protocol}"));
        var peers = string.Join(" | ", (rule.To ?? []).Select(p => p.IpBlock is { } block
            ? block.Cidr + (block.Except is { Count: > 0 } except ? $" except {string.Join(",", except)}" : "")
            : $"pods {Labels(p.PodSelector)} in namespaces {Labels(p.NamespaceSelector)}"));
        return $"{peers} on {ports}";
    }

    private static string Labels(V1LabelSelector? selector) =>
        selector?.MatchLabels is { Count: > 0 } labels ? "{" + string.Join(",", labels.Select(l => $"{l.Key}={l.Value}")) + "}" : "{any}";

    private async Task ReviewTokenAsync(CancellationToken cancellationToken)
    {
        var pod = _pod!;
        var account = pod.Spec.ServiceAccountName;
        _screen.Line($"the kubelet mints the pod's token with a TokenRequest; the demo asks for the same one:");
        _screen.Line($"  TokenRequest  serviceaccount {DemoSample.Namespace}/{account}, audience airlock-gateway, {DemoSample.TokenSeconds}s, bound to pod {pod.Metadata.Name}");
        var request = await Client.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest
        {
            Spec = new V1TokenRequestSpec
            {
                Audiences = [SandboxContract.TokenAudience],
                ExpirationSeconds = DemoSample.TokenSeconds,
                BoundObjectRef = new V1BoundObjectReference { ApiVersion = "v1", Kind = "Pod", Name = pod.Metadata.Name, Uid = pod.Metadata.Uid },
            },
        }, account, DemoSample.Namespace, cancellationToken: cancellationToken);
        _podToken = request.Status.Token;
        var review = await ReviewAsync(_podToken, SandboxContract.TokenAudience, cancellationToken);
        _screen.Line("the gateway's TokenReview (audience airlock-gateway):");
        _screen.Line($"  authenticated={review.Authenticated} user={review.User?.Username} audiences=[{string.Join(",", review.Audiences ?? [])}]");
        _screen.Check(review.Authenticated == true && review.User?.Username == $"system:serviceaccount:{DemoSample.Namespace}:{account}", "the gateway sees the task's own identity");
        var wrong = await ReviewAsync(_podToken, "https://kubernetes.default.svc", cancellationToken);
        _screen.Line($"the same token presented to the Kubernetes API audience: authenticated={wrong.Authenticated} ({wrong.Error})");
        _screen.Check(wrong.Authenticated != true, "the token is useless for any other audience");
    }

    private async Task<V1TokenReviewStatus> ReviewAsync(string token, string audience, CancellationToken cancellationToken)
    {
        var review = await Client.AuthenticationV1.CreateTokenReviewAsync(
            new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token, Audiences = [audience] } }, cancellationToken: cancellationToken);
        return review.Status;
    }
}
