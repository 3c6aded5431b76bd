using Airlock.Api.Schema;
using Airlock.Api.Tasks;
using k8s.Models;

namespace Airlock.Api.Tests.Schema;

public class CrdGeneratorTests
{
    private static V1JSONSchemaProps Root(CrdDefinition definition) =>
        CrdGenerator.Generate(definition).Spec.Versions.Single().Schema.OpenAPIV3Schema;

    private static V1JSONSchemaProps Spec(CrdDefinition definition) => Root(definition).Properties["spec"];

    [Test]
    public void AgentTask_crd_is_namespaced_with_short_name_and_category()
    {
        var crd = CrdGenerator.Generate(AirlockCrds.AgentTasks);

        crd.Metadata.Name.Should().Be("agenttasks.agents.airlock.dev");
        crd.Spec.Scope.Should().Be("Namespaced");
        crd.Spec.Names.ShortNames.Should().Equal("agt");
        crd.Spec.Names.Categories.Should().Equal("airlock");
    }

    [Test]
    public void AgentTask_crd_prints_phase_runtime_age_and_reason()
    {
        var columns = CrdGenerator.Generate(AirlockCrds.AgentTasks).Spec.Versions.Single().AdditionalPrinterColumns;

        columns.Select(c => (c.Name, c.JsonPath)).Should().Equal(
            ("Phase", ".status.phase"), ("Runtime", ".spec.runtimeClassName"),
            ("Age", ".metadata.creationTimestamp"), ("Reason", ".status.reason"));
    }

    [Test]
    public void Both_crds_serve_the_status_subresource()
    {
        foreach (var definition in AirlockCrds.All)
        {
            CrdGenerator.Generate(definition).Spec.Versions.Single().Subresources.Status.Should().NotBeNull(definition.Kind);
        }
    }

    [Test]
    public void ClusterAgentPolicy_crd_is_cluster_scoped()
    {
        CrdGenerator.Generate(AirlockCrds.ClusterAgentPolicies).Spec.Scope.Should().Be("Cluster");
    }

    [Test]
    public void Every_field_below_spec_and_status_has_a_description()
    {
        foreach (var definition in AirlockCrds.All)
        {
            var root = Root(definition);
            Undescribed(root.Properties["spec"], "spec").Concat(Undescribed(root.Properties["status"], "status"))
                .Should().BeEmpty(definition.Kind);
        }
    }

    [Test]
    public void Image_is_required_in_the_AgentTask_spec()
    {
        Spec(AirlockCrds.AgentTasks).Required.Should().Contain("image");
    }

    [Test]
    public void Ports_items_are_bounded_to_valid_tcp_ports()
    {
        var ports = ((V1JSONSchemaProps)Spec(AirlockCrds.AgentTasks).Properties["egress"].Items).Properties["ports"];
        var item = (V1JSONSchemaProps)ports.Items;

        (item.Minimum, item.Maximum, ports.XKubernetesListType).Should().Be((1d, 65535d, "set"));
    }

    [Test]
    public void Egress_rules_carry_the_one_of_host_or_cidr_cel_rule()
    {
        var rule = (V1JSONSchemaProps)Spec(AirlockCrds.AgentTasks).Properties["egress"].Items;

        rule.XKubernetesValidations.Select(v => v.Rule).Should().Contain("has(self.host) != has(self.cidr)");
    }

    [Test]
    public void Resource_quantities_are_int_or_string_with_the_quantity_pattern()
    {
        var cpu = Spec(AirlockCrds.AgentTasks).Properties["resources"].Properties["cpu"];

        cpu.XKubernetesIntOrString.Should().BeTrue();
        cpu.Type.Should().BeNull();
        cpu.Pattern.Should().Be(SchemaPatterns.Quantity);
    }

    [Test]
    public void Status_phase_is_an_enum_of_every_phase()
    {
        Root(AirlockCrds.AgentTasks).Properties["status"].Properties["phase"].EnumProperty.Should().Equal(AgentTaskPhase.All);
    }

    [Test]
    public void Ttl_defaults_to_300_seconds()
    {
        Spec(AirlockCrds.AgentTasks).Properties["ttlSecondsAfterFinished"].DefaultProperty.ToString().Should().Be("300");
    }

    [Test]
    public void Conditions_are_a_map_list_keyed_by_type()
    {
        var conditions = Root(AirlockCrds.AgentTasks).Properties["status"].Properties["conditions"];

        (conditions.XKubernetesListType, conditions.XKubernetesListMapKeys.Single()).Should().Be(("map", "type"));
    }

    [Test]
    public void Committed_crd_files_match_the_csharp_types()
    {
        foreach (var folder in new[] { "crds", "charts/airlock/crds" })
        {
            foreach (var definition in AirlockCrds.All)
            {
                var path = Path.Combine(RepositoryRoot(), folder, definition.FileName);
                File.ReadAllText(path).Should().Be(CrdGenerator.ToYaml(definition), $"{path} is stale; run `make generate`");
            }
        }
    }

    private static IEnumerable<string> Undescribed(V1JSONSchemaProps schema, string path)
    {
        if (string.IsNullOrWhiteSpace(schema.Description)) yield return path;
        foreach (var (name, child) in schema.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            foreach (var missing in Undescribed(child, path + "." + name)) yield return missing;
        }
        if (schema.Items is V1JSONSchemaProps { Type: "object" } items)
        {
            foreach (var missing in Undescribed(items, path + "[]")) yield return missing;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Operator.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Operator.sln not found");
    }
}
