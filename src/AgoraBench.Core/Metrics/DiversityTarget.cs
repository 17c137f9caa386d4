namespace AgoraBench;

/// <summary>Which text of each instance a diversity metric embeds.</summary>
public enum DiversityTarget
{
    /// <summary>The instructions (<c>instruction-diversity</c>).</summary>
    Instruction = 0,

    /// <summary>The responses (<c>response-diversity</c>).</summary>
    Response = 1,
}
