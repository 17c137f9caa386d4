using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>Reads and writes <see cref="IntervalDocument"/>: a two-number array, or an object with the reason it is undefined.</summary>
internal sealed class IntervalDocumentJsonConverter : JsonConverter<IntervalDocument>
{
    public override IntervalDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            double low = Bound(ref reader);
            double high = Bound(ref reader);
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException("an interval is [low, high]: two numbers");
            }

            return new(low, high, null);
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            string? problem = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isProblem = reader.ValueTextEquals("problem");
                reader.Read();
                if (isProblem && reader.TokenType == JsonTokenType.String)
                {
                    problem = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            return new(double.NaN, double.NaN, problem ?? throw new JsonException("an undefined interval names its \"problem\""));
        }

        throw new JsonException("an interval is [low, high] or {\"problem\": …}");
    }

    public override void Write(Utf8JsonWriter writer, IntervalDocument value, JsonSerializerOptions options)
    {
        if (value.Problem is { } problem)
        {
            writer.WriteStartObject();
            writer.WriteString("problem", problem);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Low);
            writer.WriteNumberValue(value.High);
            writer.WriteEndArray();
        }
    }

    private static double Bound(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("an interval is [low, high]: two numbers");
        }

        return reader.GetDouble();
    }
}
