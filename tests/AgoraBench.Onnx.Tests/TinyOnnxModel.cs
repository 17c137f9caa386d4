using Google.Protobuf;

namespace AgoraBench.Onnx.Tests;

/// <summary>
/// Writes a tiny causal "language model" as an ONNX file from scratch: a bigram table of logits [V, V] looked up by
/// Gather, so logits[0, t, :] = table[input_ids[0, t], :]. Its log-probabilities are known in closed form.
/// </summary>
internal static class TinyOnnxModel
{
    public static byte[] Bigram(float[,] table, params string[] extraInputs)
    {
        int v = table.GetLength(0);
        byte[] raw = new byte[v * v * 4];
        for (int i = 0; i < v; i++)
        {
            for (int j = 0; j < v; j++)
            {
                BitConverter.TryWriteBytes(raw.AsSpan(((i * v) + j) * 4), table[i, j]);
            }
        }

        byte[] node = Message(o =>
        {
            Str(o, 1, "table");
            Str(o, 1, "input_ids");
            Str(o, 2, "logits");
            Str(o, 3, "gather");
            Str(o, 4, "Gather");
        });
        byte[] initializer = Message(o =>
        {
            Int(o, 1, v);
            Int(o, 1, v);
            Int(o, 2, 1);
            Str(o, 8, "table");
            Bytes(o, 9, raw);
        });
        byte[] graph = Message(o =>
        {
            Bytes(o, 1, node);
            Str(o, 2, "bigram");
            Bytes(o, 5, initializer);
            Bytes(o, 11, ValueInfo("input_ids", 7, [1, null]));
            foreach (string extra in extraInputs)
            {
                Bytes(o, 11, ValueInfo(extra, 1, [1, null]));
            }

            Bytes(o, 12, ValueInfo("logits", 1, [1, null, v]));
        });
        return Message(o =>
        {
            Int(o, 1, 8);
            Str(o, 2, "agorabench-tests");
            Bytes(o, 7, graph);
            Bytes(o, 8, Message(op => Int(op, 2, 17)));
        });
    }

    private static byte[] ValueInfo(string name, int elementType, long?[] shape)
    {
        byte[] dims = Message(o =>
        {
            foreach (long? dim in shape)
            {
                Bytes(o, 1, Message(d =>
                {
                    if (dim is long value)
                    {
                        Int(d, 1, value);
                    }
                    else
                    {
                        Str(d, 2, "sequence");
                    }
                }));
            }
        });
        byte[] tensorType = Message(o =>
        {
            Int(o, 1, elementType);
            Bytes(o, 2, dims);
        });
        return Message(o =>
        {
            Str(o, 1, name);
            Bytes(o, 2, Message(t => Bytes(t, 1, tensorType)));
        });
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        write(output);
        output.Flush();
        return stream.ToArray();
    }

    private static void Bytes(CodedOutputStream o, int field, byte[] value)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(value));
    }

    private static void Str(CodedOutputStream o, int field, string value)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(value);
    }

    private static void Int(CodedOutputStream o, int field, long value)
    {
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteInt64(value);
    }
}
