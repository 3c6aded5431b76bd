using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;

namespace Airlock.Api.Tasks;

/// <summary>A literal environment variable of the agent container.</summary>
[Description("A literal environment variable; values are scanned for secrets on admission.")]
public sealed record TaskEnvVar
{
    [JsonPropertyName("name")]
    [Required, MinLength(1), MaxLength(256), Pattern(SchemaPatterns.EnvVarName)]
    [Description("Variable name.")]
    public string Name { get; set; } = "";

    [JsonPropertyName("value")]
    [MaxLength(32768)]
    [Description("Literal value.")]
    public string? Value { get; set; }
}
