namespace Kiln.Tensors.Backends;

/// <summary>The scalars of one fused Adam update, each rounded to float32 exactly as the unfused tensor ops round them.</summary>
/// <remarks>
/// Per element, in this order: g ← g + p·wd; m ← g·(1−β₁) + m·β₁; v ← (g·g)·(1−β₂) + v·β₂;
/// p ← (m / (√v / bc₂ + eps))·(−step) + p.
/// </remarks>
/// <param name="Beta1">β₁, the first-moment decay.</param>
/// <param name="OneMinusBeta1">1 − β₁, computed in double precision.</param>
/// <param name="Beta2">β₂, the second-moment decay.</param>
/// <param name="OneMinusBeta2">1 − β₂, computed in double precision.</param>
/// <param name="BiasCorrection2Sqrt">√(1 − β₂ᵗ).</param>
/// <param name="Eps">The term added to the denominator.</param>
/// <param name="NegativeStepSize">−lr / (1 − β₁ᵗ).</param>
/// <param name="WeightDecay">The L2 coefficient folded into the gradient (0 for none).</param>
internal readonly record struct AdamCoefficients(
    float Beta1, float OneMinusBeta1, float Beta2, float OneMinusBeta2, float BiasCorrection2Sqrt, float Eps, float NegativeStepSize, float WeightDecay);
