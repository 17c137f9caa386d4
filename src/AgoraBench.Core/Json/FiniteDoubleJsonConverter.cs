using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>
/// A <see cref="double"/> in an artefact: a JSON number when finite, <c>null</c> when not (JSON has no NaN or
/// infinity); <c>null</c> reads back as <see cref="double.NaN"/>.
/// </summary>
internal sealed class FiniteDoubleJsonConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
