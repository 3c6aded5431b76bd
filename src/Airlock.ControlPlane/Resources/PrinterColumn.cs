namespace Airlock.ControlPlane.Resources;

/// <summary>A Table column: <paramref name="JsonPath"/> is a simple JSONPath such as <c>.status.phase</c>.</summary>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description = "", int Priority = 0, string Format = "");
