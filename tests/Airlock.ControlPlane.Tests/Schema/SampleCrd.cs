using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Tests.Schema;

/// <summary>An AgentTask-like CRD with enums, patterns, bounds, defaults, a list-map and CEL rules, used across the schema tests.</summary>
public static class SampleCrd
{
    public const string Json = """
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": { "name": "agenttasks.agents.airlock.dev" },
          "spec": {
            "group": "agents.airlock.dev",
            "scope": "Namespaced",
            "names": { "plural": "agenttasks", "singular": "agenttask", "kind": "AgentTask", "listKind": "AgentTaskList", "shortNames": ["at"] },
            "versions": [{
              "name": "v1alpha1", "served": true, "storage": true,
              "subresources": { "status": {} },
              "additionalPrinterColumns": [{ "name": "Phase", "type": "string", "jsonPath": ".status.phase" }],
              "schema": { "openAPIV3Schema": {
                "description": "AgentTask runs one autonomous agent in a sandbox.",
                "type": "object",
                "properties": {
                  "spec": {
                    "description": "What the agent should do.",
                    "type": "object",
                    "required": ["image", "prompt"],
                    "x-kubernetes-validations": [
                      { "rule": "self.minReplicas <= self.maxReplicas", "message": "minReplicas must not exceed maxReplicas" }
                    ],
                    "properties": {
                      "image": { "description": "Container image of the agent.", "type": "string", "minLength": 1 },
                      "prompt": { "description": "The task, in words.", "type": "string", "maxLength": 100 },
                      "mode": { "type": "string", "enum": ["Autonomous", "Supervised"], "default": "Supervised" },
                      "timeout": { "type": "string", "pattern": "^[0-9]+(s|m|h)$", "default": "30m" },
                      "tokenExpirationSeconds": { "type": "integer", "format": "int64", "minimum": 600, "maximum": 86400, "default": 3600 },
                      "minReplicas": { "type": "integer", "default": 1 },
                      "maxReplicas": { "type": "integer", "default": 1 },
                      "port": { "x-kubernetes-int-or-string": true },
                      "labels": { "type": "object", "additionalProperties": { "type": "string" }, "maxProperties": 3 },
                      "extra": { "type": "object", "x-kubernetes-preserve-unknown-fields": true },
                      "tools": { "type": "array", "items": { "type": "string" }, "x-kubernetes-list-type": "set", "maxItems": 4 },
                      "egress": {
                        "type": "array",
                        "x-kubernetes-list-type": "map",
                        "x-kubernetes-list-map-keys": ["host"],
                        "items": {
                          "type": "object",
                          "required": ["host"],
                          "x-kubernetes-validations": [
                            { "rule": "self.port > 0", "messageExpression": "'port of ' + self.host + ' must be positive'", "fieldPath": ".port" }
                          ],
                          "properties": {
                            "host": { "type": "string" },
                            "port": { "type": "integer", "default": 443 }
                          }
                        }
                      }
                    }
                  },
                  "status": {
                    "type": "object",
                    "properties": { "phase": { "type": "string", "enum": ["Pending", "Running", "Succeeded", "Failed"] } }
                  }
                }
              } }
            }]
          }
        }
        """;

    public static JsonObject Crd() => (JsonObject)JsonNode.Parse(Json)!;

    public static JsonObject OpenApiV3Schema() => (JsonObject)Crd()["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;

    public static ResourceType AgentTasks(JsonObject? schema = null) => new()
    {
        Group = "agents.airlock.dev",
        Version = "v1alpha1",
        Resource = "agenttasks",
        Kind = "AgentTask",
        Singular = "agenttask",
        Namespaced = true,
        ShortNames = ["at"],
        Subresources = ["status"],
        CustomSchema = schema ?? OpenApiV3Schema(),
        IsCustom = true,
    };

    /// <summary>A minimal cluster-scoped custom resource in another group.</summary>
    public static ResourceType Widgets() => new()
    {
        Group = "widgets.example.com",
        Version = "v1",
        Resource = "widgets",
        Kind = "Widget",
        Singular = "widget",
        Namespaced = false,
        CustomSchema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["spec"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } },
        },
        IsCustom = true,
    };
}
