namespace AgoraBench;

/// <summary>A model's Bradley–Terry rating and its score against the baseline.</summary>
/// <param name="Model">The model.</param>
/// <param name="Rating">The Elo-scale rating (the baseline is anchored).</param>
/// <param name="Score">The expected win rate against the baseline, in percent (the Arena-Hard score).</param>
/// <param name="RatingInterval">The bootstrap interval of the rating (lower, upper).</param>
/// <param name="ScoreInterval">The bootstrap interval of the score (lower, upper).</param>
internal sealed record BradleyTerryRating(string Model, double Rating, double Score, (double Lower, double Upper) RatingInterval, (double Lower, double Upper) ScoreInterval);
