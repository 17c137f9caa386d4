using System.Text.Json;

namespace AgoraBench;

/// <summary>Maps each JSON path of a document (<c>$.a.b[2]</c>, <c>$.seeds['x/y']</c>) to the line it starts on.</summary>
internal static class JsonLineIndex
{
    public static Dictionary<string, int> Build(ReadOnlySpan<byte> utf8)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var newlines = new List<int>();
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        int LineOf(long offset)
        {
            int index = newlines.BinarySearch((int)offset);
            return (index < 0 ? ~index : index) + 1;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<Frame>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        lines.TryAdd(Path(stack[^1].Path, property!), LineOf(reader.TokenStartIndex));
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        string container = ValuePath(stack, property);
                        lines.TryAdd(container, LineOf(reader.TokenStartIndex));
                        stack.Add(new Frame(container, reader.TokenType == JsonTokenType.StartArray));
                        property = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    default:
                        lines.TryAdd(ValuePath(stack, property), LineOf(reader.TokenStartIndex));
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error is reported by the parser; the paths read so far still help.
        }

        return lines;
    }

    public static string Path(string parent, string name)
    {
        bool simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
        return simple ? parent + "." + name : parent + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    public static string Index(string parent, int index) => parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    private static string ValuePath(List<Frame> stack, string? property)
    {
        if (stack.Count == 0)
        {
            return "$";
        }

        var top = stack[^1];
        if (top.IsArray)
        {
            return Index(top.Path, top.Count++);
        }

        return Path(top.Path, property ?? string.Empty);
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Count { get; set; }
    }
}
