namespace Airlock.Api.Schema;

/// <summary>Free-form object: the API server keeps fields the schema does not name (<c>x-kubernetes-preserve-unknown-fields</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PreserveUnknownFieldsAttribute : Attribute;
