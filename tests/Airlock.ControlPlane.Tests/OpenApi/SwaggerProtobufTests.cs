using System.Text.Json.Nodes;
using Airlock.ControlPlane.Schema.OpenApi;

namespace Airlock.ControlPlane.Tests.OpenApi;

/// <summary>The gnostic <c>openapi.v2.Document</c> encoding, read back with a plain wire-format reader.</summary>
public class SwaggerProtobufTests
{
    private static readonly JsonObject Swagger = JsonNode.Parse("""
        {"swagger": "2.0", "info": {"title": "Kubernetes", "version": "v1.32.0"}, "paths": {}, "definitions": {
          "a.Thing": {"type": "object", "required": ["spec"], "x-kubernetes-group-version-kind": [{"group": "g", "kind": "Thing", "version": "v1"}],
            "properties": {"spec": {"$ref": "#/definitions/a.Spec", "description": "d"}, "count": {"type": "integer", "format": "int32", "maximum": 9}}}}}
        """)!.AsObject();

    /// <summary>Every field of one message by number: the bytes of length-delimited fields, 8 bytes of fixed64 ones, varints as 8 bytes.</summary>
    private static ILookup<int, ReadOnlyMemory<byte>> Fields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<(int, ReadOnlyMemory<byte>)>();
        var position = 0;
        ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = message.Span[position++];
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) return value;
            }
        }
        while (position < message.Length)
        {
            var tag = Varint();
            switch (tag & 7)
            {
                case 0:
                    fields.Add(((int)(tag >> 3), BitConverter.GetBytes(Varint())));
                    break;
                case 1:
                    fields.Add(((int)(tag >> 3), message.Slice(position, 8)));
                    position += 8;
                    break;
                case 2:
                    var length = (int)Varint();
                    fields.Add(((int)(tag >> 3), message.Slice(position, length)));
                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"unexpected wire type {tag & 7}");
            }
        }
        return fields.ToLookup(f => f.Item1, f => f.Item2);
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes.Span);

    /// <summary>The Schema of the named entry (NamedSchema: 1 name, 2 value) in a Definitions/Properties message.</summary>
    private static ReadOnlyMemory<byte> Named(ReadOnlyMemory<byte> namedSchemas, string name) =>
        Fields(namedSchemas)[1].Select(Fields).Single(n => Text(n[1].Single()) == name)[2].Single();

    private static ReadOnlyMemory<byte> ThingSchema() => Named(Fields(SwaggerProtobuf.Encode(Swagger))[9].Single(), "a.Thing");

    [Test]
    public void Document_carries_the_swagger_version_and_info()
    {
        var document = Fields(SwaggerProtobuf.Encode(Swagger));

        Text(document[1].Single()).Should().Be("2.0");
        Text(Fields(document[2].Single())[2].Single()).Should().Be("v1.32.0");
    }

    [Test]
    public void A_definition_carries_its_type_and_required_fields()
    {
        var schema = Fields(ThingSchema());

        Text(Fields(schema[22].Single())[1].Single()).Should().Be("object");
        schema[19].Select(Text).Should().Equal("spec");
    }

    [Test]
    public void A_property_reference_carries_its_ref_and_description()
    {
        var spec = Fields(Named(Fields(ThingSchema())[25].Single(), "spec"));

        Text(spec[1].Single()).Should().Be("#/definitions/a.Spec");
        Text(spec[4].Single()).Should().Be("d");
    }

    [Test]
    public void A_vendor_extension_travels_as_yaml_text_kubectl_parses()
    {
        var extension = Fields(Fields(ThingSchema())[31].Single());

        Text(extension[1].Single()).Should().Be("x-kubernetes-group-version-kind");
        Text(Fields(extension[2].Single())[2].Single()).Should().Be("""[{"group":"g","kind":"Thing","version":"v1"}]""");
    }

    [Test]
    public void A_maximum_is_a_little_endian_double()
    {
        var count = Fields(Named(Fields(ThingSchema())[25].Single(), "count"));

        BitConverter.ToDouble(count[7].Single().Span).Should().Be(9);
    }
}
