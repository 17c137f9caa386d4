using System.Text.Json;

namespace AgoraBench;

/// <summary>The JSON shapes of a PGR leaderboard that several reports share: method averages, cells, intervals, repeats and comparisons.</summary>
internal static class PgrJson
{
    /// <summary>Writes <c>"methods": {method: avg}</c> and <c>"cells": {"method/domain": pgr}</c>.</summary>
    public static void WriteMethodsAndCells(Utf8JsonWriter json, GeneratorPgr generator)
    {
        json.WriteStartObject("methods");
        foreach (var (method, average) in generator.MethodAverages)
        {
            JsonReport.Number(json, AgoraBenchNames.ToName(method), average);
        }

        json.WriteEndObject();
        json.WriteStartObject("cells");
        foreach (var cell in generator.Cells)
        {
            JsonReport.Number(json, cell.Setting.Key, cell.Value);
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// Writes <c>"intervals": {"overall": [low, high], "methods": {…}, "domains": {…}, "cells": {…}}</c> when the
    /// generator has intervals; an undefined interval is <c>{"problem": …}</c> instead of two numbers.
    /// </summary>
    public static void WriteIntervals(Utf8JsonWriter json, GeneratorPgr generator)
    {
        if (generator.OverallInterval is null && generator.Cells.All(c => c.Interval is null))
        {
            return;
        }

        json.WriteStartObject("intervals");
        if (generator.OverallInterval is { } overall)
        {
            Interval(json, "overall", overall);
        }

        json.WriteStartObject("methods");
        foreach (var (method, interval) in generator.MethodIntervals)
        {
            Interval(json, AgoraBenchNames.ToName(method), interval);
        }

        json.WriteEndObject();
        json.WriteStartObject("domains");
        foreach (var (domain, interval) in generator.DomainIntervals)
        {
            Interval(json, AgoraBenchNames.ToName(domain), interval);
        }

        json.WriteEndObject();
        json.WriteStartObject("cells");
        foreach (var cell in generator.Cells.Where(c => c.Interval is not null))
        {
            Interval(json, cell.Setting.Key, cell.Interval!);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Writes an interval as <c>[low, high]</c>, or <c>{"problem": …}</c> when it is not defined.</summary>
    public static void Interval(Utf8JsonWriter json, string name, ConfidenceInterval interval)
    {
        if (interval.IsDefined)
        {
            json.WriteStartArray(name);
            json.WriteNumberValue(interval.Lower);
            json.WriteNumberValue(interval.Upper);
            json.WriteEndArray();
        }
        else
        {
            json.WriteStartObject(name);
            json.WriteString("problem", interval.Problem ?? "no resample gave a defined value");
            json.WriteEndObject();
        }
    }

    /// <summary>Writes <c>"repeats": {"overall"?, "cells"}</c>, each a training-seed vs evaluation split; nothing when no cell was trained more than once.</summary>
    public static void WriteVariance(Utf8JsonWriter json, GeneratorPgr generator)
    {
        if (generator.Cells.All(c => c.Variance is null))
        {
            return;
        }

        static void Split(Utf8JsonWriter json, string name, PgrVariance v)
        {
            json.WriteStartObject(name);
            json.WriteNumber("repeats", v.Repeats);
            json.WriteStartArray("pgr_per_repeat");
            foreach (double value in v.RepeatValues)
            {
                if (double.IsFinite(value))
                {
                    json.WriteNumberValue(value);
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            json.WriteEndArray();
            JsonReport.Number(json, "training_seed_sd", v.TrainingSeedSd);
            JsonReport.Number(json, "training_seed_se", v.TrainingSeedStandardError);
            JsonReport.Number(json, "evaluation_sd", v.EvaluationSd);
            json.WriteEndObject();
        }

        json.WriteStartObject("repeats");
        if (generator.OverallVariance is { } overall)
        {
            Split(json, "overall", overall);
        }

        json.WriteStartObject("cells");
        foreach (var cell in generator.Cells.Where(c => c.Variance is not null))
        {
            Split(json, cell.Setting.Key, cell.Variance!);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Writes <c>"confidence"</c> and <c>"comparisons": [{"a", "b", "difference", "low", "high", "p_a_better", "significant"}]</c> when the report has intervals.</summary>
    public static void WriteComparisons(Utf8JsonWriter json, PgrReport report)
    {
        if (report.Confidence is not double level)
        {
            return;
        }

        json.WriteNumber("confidence", level);
        json.WriteStartArray("comparisons");
        foreach (var c in report.Comparisons)
        {
            json.WriteStartObject();
            json.WriteString("a", c.Generator);
            json.WriteString("b", c.Other);
            JsonReport.Number(json, "difference", c.Difference.Estimate);
            JsonReport.Number(json, "low", c.Difference.Lower);
            JsonReport.Number(json, "high", c.Difference.Upper);
            JsonReport.Number(json, "p_a_better", c.ProbabilityBetter);
            json.WriteBoolean("significant", c.IsSignificantlyBetter);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
