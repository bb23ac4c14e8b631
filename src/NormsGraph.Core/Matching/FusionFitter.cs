namespace NormsGraph.Core.Matching;

/// <summary>
/// Fits the fusion's logistic model by Newton's method with a ridge penalty, on rows of (features, is a gold
/// target). Deterministic: the same rows give the same weights. Only the named features are used, so each
/// signal can be fitted and measured alone.
/// </summary>
public static class FusionFitter
{
    public static FusionModel Fit(IReadOnlyList<(double[] Features, bool Gold)> rows, IReadOnlyList<string> features, double ridge = 0.5, int iterations = 50)
    {
        var columns = features.Select(MatchFeatures.IndexOf).ToArray();
        var n = columns.Length + 1;
        var beta = new double[n];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            var x = new double[n];
            foreach (var (f, gold) in rows)
            {
                x[0] = 1;
                for (var j = 0; j < columns.Length; j++)
                {
                    x[j + 1] = f[columns[j]];
                }
                var z = 0.0;
                for (var j = 0; j < n; j++)
                {
                    z += beta[j] * x[j];
                }
                var p = 1 / (1 + Math.Exp(-z));
                var residual = (gold ? 1 : 0) - p;
                var w = Math.Max(p * (1 - p), 1e-9);
                for (var j = 0; j < n; j++)
                {
                    gradient[j] += residual * x[j];
                    for (var k = 0; k < n; k++)
                    {
                        hessian[j, k] += w * x[j] * x[k];
                    }
                }
            }
            // The intercept is not penalised.
            for (var j = 1; j < n; j++)
            {
                gradient[j] -= ridge * beta[j];
                hessian[j, j] += ridge;
            }
            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var j = 0; j < n; j++)
            {
                beta[j] += step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }
            if (change < 1e-8)
            {
                break;
            }
        }
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var j = 0; j < columns.Length; j++)
        {
            weights[features[j]] = Math.Round(beta[j + 1], 4);
        }
        return new FusionModel(Math.Round(beta[0], 4), weights);
    }

    // Gaussian elimination with partial pivoting; the system is small (one row per feature).
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }
            if (Math.Abs(m[pivot, col]) < 1e-12)
            {
                continue;
            }
            if (pivot != col)
            {
                for (var k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                }
                (v[col], v[pivot]) = (v[pivot], v[col]);
            }
            for (var row = col + 1; row < n; row++)
            {
                var factor = m[row, col] / m[col, col];
                for (var k = col; k < n; k++)
                {
                    m[row, k] -= factor * m[col, k];
                }
                v[row] -= factor * v[col];
            }
        }
        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            if (Math.Abs(m[row, row]) < 1e-12)
            {
                continue;
            }
            var sum = v[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= m[row, k] * x[k];
            }
            x[row] = sum / m[row, row];
        }
        return x;
    }
}
