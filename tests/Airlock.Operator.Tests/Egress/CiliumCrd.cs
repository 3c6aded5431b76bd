using Airlock.Operator.Egress;
using Airlock.Testing;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Tests.Egress;

/// <summary>
/// Cilium's CiliumNetworkPolicy kind, served by the local control plane as a CRD with a schema that keeps any spec (Cilium
/// itself is not here: these tests check what the operator writes, not what Cilium enforces).
/// </summary>
public static class CiliumCrd
{
    public static async Task InstallAsync(IKubernetes client)
    {
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(new V1CustomResourceDefinition
        {
            Metadata = new V1ObjectMeta { Name = $"{CiliumNetworkPolicy.KubePlural}.{CiliumNetworkPolicy.KubeGroup}" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = CiliumNetworkPolicy.KubeGroup,
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames
                {
                    Plural = CiliumNetworkPolicy.KubePlural,
                    Singular = "ciliumnetworkpolicy",
                    Kind = CiliumNetworkPolicy.KubeKind,
                    ListKind = "CiliumNetworkPolicyList",
                    ShortNames = ["cnp"],
                },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = CiliumNetworkPolicy.KubeVersion, Served = true, Storage = true,
                        Schema = new V1CustomResourceValidation
                        {
                            OpenAPIV3Schema = new V1JSONSchemaProps
                            {
                                Type = "object",
                                Properties = new Dictionary<string, V1JSONSchemaProps>
                                {
                                    ["spec"] = new() { Type = "object", XKubernetesPreserveUnknownFields = true },
                                },
                            },
                        },
                    },
                ],
            },
        });
        await Eventually.UntilAsync(async () =>
        {
            var crd = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync($"{CiliumNetworkPolicy.KubePlural}.{CiliumNetworkPolicy.KubeGroup}");
            return crd.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true;
        }, "the CiliumNetworkPolicy CRD to be established");
    }
}
