using System.Text;
using System.Text.Json;

namespace AgoraBench;

/// <summary>Parses JSON Lines and JSON-array datasets, collecting every problem with its line and field.</summary>
internal static class SyntheticDatasetReader
{
    public static async Task<IReadOnlyList<SyntheticInstance>> ReadAsync(Stream stream, string source, SyntheticDatasetReadOptions options, CancellationToken cancellationToken)
    {
        SyntheticDatasetReadOptionsValidator.Instance.ThrowIfInvalid(options, nameof(options));
        var errors = new ErrorCollector(source, options.MaxErrors);
        byte[] buffer;
        int length;
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            buffer = segment.Array!;
            int start = segment.Offset + (int)memory.Position;
            length = segment.Offset + segment.Count;
            return errors.ThrowIfAny(Parse(buffer.AsSpan(start, length - start), options, errors));
        }

        using var copy = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        buffer = copy.GetBuffer();
        length = (int)copy.Length;
        return errors.ThrowIfAny(Parse(buffer.AsSpan(0, length), options, errors));
    }

    /// <summary>Reads a whole file's bytes, collecting every problem (up to the options' limit) in <paramref name="problems"/> instead of throwing.</summary>
    public static List<SyntheticInstance> Read(byte[] bytes, string source, SyntheticDatasetReadOptions options, List<DataError> problems, List<int>? lines = null)
    {
        var errors = new ErrorCollector(source, options.MaxErrors) { Lines = lines };
        var instances = Parse(bytes, options, errors);
        problems.AddRange(errors.All);
        return instances;
    }

    /// <summary>Converts records read elsewhere (CSV rows), each with its line, collecting every problem in <paramref name="problems"/>.</summary>
    public static List<SyntheticInstance> Read(IEnumerable<(int Line, JsonElement Record)> records, string source, SyntheticDatasetReadOptions options, List<DataError> problems, List<int>? lines = null)
    {
        var errors = new ErrorCollector(source, options.MaxErrors) { Lines = lines };
        var instances = new List<SyntheticInstance>();
        foreach (var (line, record) in records)
        {
            if (Convert(record, line, options, errors) is { } instance)
            {
                instances.Add(instance);
            }

            if (errors.Full)
            {
                break;
            }
        }

        problems.AddRange(errors.All);
        return instances;
    }

    private static List<SyntheticInstance> Parse(ReadOnlySpan<byte> utf8, SyntheticDatasetReadOptions options, ErrorCollector errors)
    {
        if (utf8.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        bool isArray = options.Format switch
        {
            SyntheticDatasetFormat.JsonArray => true,
            SyntheticDatasetFormat.JsonLines => false,
            _ => utf8.TrimStart(" \t\r\n"u8).StartsWith("["u8),
        };
        return isArray ? ReadArray(utf8, options, errors) : ReadLines(utf8, options, errors);
    }

    private static List<SyntheticInstance> ReadLines(ReadOnlySpan<byte> utf8, SyntheticDatasetReadOptions options, ErrorCollector errors)
    {
        var instances = new List<SyntheticInstance>();
        int lineNumber = 0;
        while (!utf8.IsEmpty)
        {
            lineNumber++;
            int end = utf8.IndexOf((byte)'\n');
            var line = end < 0 ? utf8 : utf8[..end];
            utf8 = end < 0 ? default : utf8[(end + 1)..];
            line = line.Trim(" \t\r"u8);
            if (line.IsEmpty)
            {
                continue;
            }

            var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            JsonDocument document;
            try
            {
                document = JsonDocument.ParseValue(ref reader);
                if (reader.Read())
                {
                    document.Dispose();
                    errors.Add(lineNumber, null, "not valid JSON: more than one value on the line");
                    continue;
                }
            }
            catch (JsonException ex)
            {
                if (!errors.Add(lineNumber, null, "not valid JSON: " + Describe(ex)))
                {
                    break;
                }

                continue;
            }

            using (document)
            {
                if (Convert(document.RootElement, lineNumber, options, errors) is { } instance)
                {
                    instances.Add(instance);
                }
            }

            if (errors.Full)
            {
                break;
            }
        }

        return instances;
    }

    private static List<SyntheticInstance> ReadArray(ReadOnlySpan<byte> utf8, SyntheticDatasetReadOptions options, ErrorCollector errors)
    {
        var instances = new List<SyntheticInstance>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        int line = 1;
        long counted = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                errors.Add(1, null, "expected a JSON array of objects");
                return instances;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                line += utf8[(int)counted..(int)reader.TokenStartIndex].Count((byte)'\n');
                counted = reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    errors.Add(line, null, $"expected an object, found {Describe(reader.TokenType)}");
                    reader.Skip();
                }
                else
                {
                    using var document = JsonDocument.ParseValue(ref reader);
                    if (Convert(document.RootElement, line, options, errors) is { } instance)
                    {
                        instances.Add(instance);
                    }
                }

                if (errors.Full)
                {
                    return instances;
                }
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                errors.Add(line, null, "the JSON array is not closed");
            }
        }
        catch (JsonException ex)
        {
            errors.Add((int)(ex.LineNumber ?? 0) + 1, null, "not valid JSON: " + Describe(ex));
        }

        return instances;
    }

    private static SyntheticInstance? Convert(JsonElement element, int line, SyntheticDatasetReadOptions options, ErrorCollector errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(line, null, $"expected a JSON object, found {Describe(element.ValueKind)}");
            return null;
        }

        int before = errors.Count;
        string? instruction = null;
        string? response = null;
        bool sawInstruction = false;
        bool sawResponse = false;
        string? id = null;
        int? index = null;
        string? config = null;
        GenerationMethod? method = null;
        BenchmarkDomain? domain = null;
        string? generator = null;
        Dictionary<string, JsonElement>? extra = null;

        foreach (var property in element.EnumerateObject())
        {
            string name = property.Name;
            var value = property.Value;
            if (name == options.InstructionField)
            {
                sawInstruction = true;
                instruction = RequireString(value, line, name, errors);
            }
            else if (name == options.ResponseField)
            {
                sawResponse = true;
                response = RequireString(value, line, name, errors);
            }
            else if (name == SyntheticDatasetFields.Id)
            {
                id = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    JsonValueKind.Null => null,
                    _ => Fail<string>(errors, line, name, $"must be a string or a number, found {Describe(value.ValueKind)}"),
                };
            }
            else if (name == SyntheticDatasetFields.Index)
            {
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int i) && i >= 0)
                {
                    index = i;
                }
                else if (value.ValueKind != JsonValueKind.Null)
                {
                    errors.Add(line, name, $"must be a non-negative integer, found {Shorten(value.GetRawText())}");
                }
            }
            else if (name == SyntheticDatasetFields.Config)
            {
                config = OptionalString(value, line, name, errors);
            }
            else if (name == SyntheticDatasetFields.Generator)
            {
                generator = OptionalString(value, line, name, errors);
            }
            else if (name == SyntheticDatasetFields.Method)
            {
                if (OptionalString(value, line, name, errors) is { } text)
                {
                    if (AgoraBenchNames.TryParseMethod(text, out var m))
                    {
                        method = m;
                    }
                    else
                    {
                        errors.Add(line, name, $"'{Shorten(text)}' is not a method; expected {AgoraBenchNames.InstanceGeneration}, {AgoraBenchNames.ResponseGeneration} or {AgoraBenchNames.QualityEnhancement}");
                    }
                }
            }
            else if (name == SyntheticDatasetFields.Domain)
            {
                if (OptionalString(value, line, name, errors) is { } text)
                {
                    if (AgoraBenchNames.TryParseDomain(text, out var d))
                    {
                        domain = d;
                    }
                    else
                    {
                        errors.Add(line, name, $"'{Shorten(text)}' is not a domain; use {AgoraBenchNames.Math}, {AgoraBenchNames.Code}, {AgoraBenchNames.InstructionFollowing} or a declared domain's name (letters, digits, '-', '_' or '.')");
                    }
                }
            }
            else
            {
                extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                if (!extra.TryAdd(name, value.Clone()))
                {
                    errors.Add(line, name, "appears more than once");
                }
            }
        }

        if (!sawInstruction)
        {
            errors.Add(line, options.InstructionField, "is missing");
        }

        if (!sawResponse)
        {
            if (options.AllowMissingResponse)
            {
                response = string.Empty;
            }
            else
            {
                errors.Add(line, options.ResponseField, "is missing");
            }
        }

        if (errors.Count != before || instruction is null || response is null)
        {
            return null;
        }

        errors.Lines?.Add(line);
        return new SyntheticInstance
        {
            Instruction = instruction,
            Response = response,
            Id = id,
            Index = index,
            Config = config,
            Method = method,
            Domain = domain,
            Generator = generator,
            AdditionalProperties = extra,
        };
    }

    private static string? RequireString(JsonElement value, int line, string field, ErrorCollector errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add(line, field, $"must be a string, found {Describe(value.ValueKind)}");
        return null;
    }

    private static string? OptionalString(JsonElement value, int line, string field, ErrorCollector errors) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => Fail<string>(errors, line, field, $"must be a string, found {Describe(value.ValueKind)}"),
    };

    private static T? Fail<T>(ErrorCollector errors, int line, string field, string message)
        where T : class
    {
        errors.Add(line, field, message);
        return null;
    }

    private static string Describe(JsonException ex)
    {
        string message = ex.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");

    private sealed class ErrorCollector(string source, int max)
    {
        private readonly List<DataError> _errors = [];

        public int Count => _errors.Count;

        /// <summary>Receives the line of each instance read, in order, or <see langword="null"/>.</summary>
        public List<int>? Lines { get; init; }

        public IEnumerable<DataError> All => Full ? [.. _errors, new DataError(source, null, null, $"stopped reading after {max} problems")] : _errors;

        public bool Full => _errors.Count >= max;

        public bool Add(int line, string? field, string message)
        {
            if (_errors.Count < max)
            {
                _errors.Add(new DataError(source, line, field, message));
            }

            return _errors.Count < max;
        }

        public List<SyntheticInstance> ThrowIfAny(List<SyntheticInstance> instances)
        {
            if (_errors.Count == 0)
            {
                return instances;
            }

            if (Full)
            {
                _errors.Add(new DataError(source, null, null, $"stopped reading after {max} problems"));
            }

            throw new DataValidationException(_errors);
        }
    }
}
