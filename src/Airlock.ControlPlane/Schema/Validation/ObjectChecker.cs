using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Schema.OpenApi;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>
/// The write-path check of one object: custom resources are pruned, defaulted and validated against their structural
/// schema (metadata as ObjectMeta), as the apiextensions server does; built-in kinds are pruned and type-checked against
/// the schema generated from their model.
/// </summary>
public sealed class ObjectChecker
{
    private static readonly JsonObject AnyObject = new() { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };

    private readonly ModelSchemaGenerator _generator;

    /// <summary>The component name of each built-in model type (asked on every write; the generator takes a lock).</summary>
    private readonly ConcurrentDictionary<Type, string> _components = new();
    private readonly Pruner _pruner;
    private readonly Defaulter _defaulter;
    private readonly StructuralValidator _validator;

    public ObjectChecker(ModelSchemaGenerator generator, CelRules cel)
    {
        _generator = generator;
        var resolver = new SchemaResolver(name =>
        {
            if (generator.Get(name) is { } found)
            {
                return found;
            }
            return name == SchemaNames.ObjectMeta ? generator.Get(generator.ComponentFor(typeof(k8s.Models.V1ObjectMeta))) : null;
        });
        _pruner = new Pruner(resolver);
        _defaulter = new Defaulter(resolver);
        _validator = new StructuralValidator(resolver, cel);
    }

    public SchemaCheckResult Check(ResourceType type, JsonObject obj)
    {
        var pruned = new List<string>();
        var errors = new List<FieldError>();
        if (type.IsCustom)
        {
            var schema = SchemaResolver.WithTypeAndObjectMeta(type.CustomSchema ?? AnyObject);
            _pruner.Prune(obj, schema, SchemaMode.Structural, "", pruned);
            _defaulter.Apply(obj, schema, SchemaMode.Structural);
            _validator.Validate(obj, schema, SchemaMode.Structural, "", errors);
        }
        else if (type.ClrType is { } clr)
        {
            var schema = new JsonObject { ["$ref"] = SchemaNames.Ref(_components.GetOrAdd(clr, _generator.ComponentFor)) };
            _pruner.Prune(obj, schema, SchemaMode.Builtin, "", pruned);
            _validator.Validate(obj, schema, SchemaMode.Builtin, "", errors);
        }
        return errors.Count == 0 && pruned.Count == 0 ? SchemaCheckResult.Ok : new SchemaCheckResult(errors, pruned);
    }
}
