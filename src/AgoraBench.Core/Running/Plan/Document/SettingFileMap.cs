namespace AgoraBench;

/// <summary>Files by setting key (<c>method/domain</c>): seed data, meta-prompt templates, precomputed students.</summary>
[KeyPattern(PlanDocument.SettingKeyPattern)]
internal sealed class SettingFileMap : Dictionary<string, string>
{
    public SettingFileMap()
        : base(StringComparer.Ordinal)
    {
    }
}
