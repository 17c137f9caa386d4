namespace AgoraBench;

/// <summary>
/// The themes and first-word triggers drawn into instance-generation prompts, as listed in the reference
/// implementation (data, kept verbatim: duplicates such as "Combinatorics", "Act as " and "My ", and the concatenated
/// "As a Question: ", are part of the reference lists and so of the sampling weights).
/// </summary>
internal static class GenerationThemes
{
    /// <summary>Gets the 36 math themes (35 distinct).</summary>
    public static IReadOnlyList<string> Math { get; } =
    [
        "Algebra", "Counting and Probability", "Geometry", "Number Theory", "Calculus", "Conic sections", "Group Theory and Ring Theory",
        "Field Theory and Vector Spaces", "Differential Equations", "Linear Algebra", "Real Analysis", "Complex Analysis", "Combinatorics",
        "Topology", "Trigonometry", "Combinatorics", "Graph Theory", "Set Theory",
        "Math Word Problems with Polynomial GCD", "Math Word Problems with Probability and Number Theory", "Math Word Problems with Matrices",
        "Math Word Problems with Partial Derivatives", "Math Word Problems with Areas, Lengths, and Volumes", "Math Word Problems with Sinusoidal Functions",
        "Math Word Problems with Complex Numbers", "Math Word Problems with Multiplication", "Math Word Problems with Addition",
        "Math Word Problems with Subtraction", "Math Word Problems with Division", "Math Word Problems with Fractions",
        "Math Word Problems with Remainders", "Math Word Problems with Rounding", "Math Word Problems with Percentages",
        "Math Word Problems with Ratios", "Math Word Problems with Proportions", "Math Word Problems with Exponents and Logarithms",
    ];

    /// <summary>Gets the 14 code themes.</summary>
    public static IReadOnlyList<string> Code { get; } =
    [
        .. new[] { "Python", "Java", "C++", "C", "JavaScript", "C#", "PHP" }.SelectMany(language => new[] { $"Implementing a {language} Code", $"Fixing a {language} Code" }),
    ];

    /// <summary>Gets the 28 instruction-following themes.</summary>
    public static IReadOnlyList<string> General { get; } =
    [
        "Health", "Professional", "Linguistics", "Entertainment", "Technology", "Literature", "Implementing a Code", "Software Development",
        "History", "Exercise", "Language Learning", "Science", "Gaming", "Philosophy", "Social Studies", "Travel", "Art", "Sports",
        "Mathematics", "Social Interaction", "DIY Projects", "Cooking", "Technical Writing", "Recommendations", "Creative Writing",
        "How-To Style Question and Answers", "Factual Question Answering", "Puzzles and Logical Reasoning",
    ];

    /// <summary>Gets the 123 first-word triggers of instruction-following instance generation (121 distinct), each ending with a space.</summary>
    public static IReadOnlyList<string> FirstWords { get; } =
    [
        .. new[]
        {
            "Write", "Write a function", "def", "Make me", "Use", "Solve this", "Explain", "Design", "Describe how", "Describe", "Implement",
            "Classify the following", "Determine the following", "Prove that", "Introduce", "Fix", "Improve", "Optimize", "Clean this", "Correct",
            "Help me", "Give me", "Rewrite", "Show me", "Show that", "Act as", "Act as", "Devise", "List", "Analyze", "Compare", "Evaluate", "Assess",
            "Identify", "Search", "Find", "Pretend", "Conduct", "Tell me", "Count", "Summarize", "Query", "Extract", "Prepare", "Visualize",
            "Generate", "Provide", "Read the", "Take the", "Go", "Suggest", "Recommend", "Contrast", "Look for", "Define", "Express", "Let",
            "Can you", "Will you", "Would you", "How", "Why", "What", "When", "Where", "Which", "Who", "Is there", "In what", "Is", "Are", "Were",
            "If I have", "I have", "I need", "I want", "I'm", "I've", "I'd", "If you", "We", "My", "My", "Your", "You're", "You are a", "Your goal",
            "Hello", "Here is", "Here are", "Given a", "Given that", "Given the following", "Consider the", "Considering that", "Suppose", "Imagine",
            "There", "This", "That", "These", "The", "A", "An", "In", "In the", "In the past", "In the future", "In after", "During", "Using",
            "As part of", "As a result of", "As a consequence of", "In order to", "Now",
        }.Select(word => word + " "),
        "### Problem:  ", "1.  ", "### ", ">> ", "``` ", "import ", "As a Question: ",
    ];

    /// <summary>Gets the themes of a domain.</summary>
    /// <param name="domain">The domain.</param>
    /// <returns>The themes.</returns>
    public static IReadOnlyList<string> For(BenchmarkDomain domain) => domain.Ordinal switch
    {
        0 => Math,
        1 => Code,
        _ => General,
    };
}
