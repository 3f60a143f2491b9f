namespace Dyad.Outputs.Graph;

/// <summary>
/// Fruchterman–Reingold force-directed layout with grid binning for repulsion and a weak pull to
/// the centre (keeps components together). Deterministic: fixed seed, fixed iteration count.
/// Cost is bounded: <see cref="Iterations"/> × (edges + nodes × nodes-in-neighbouring-cells);
/// the report caps the graph at 200 nodes, so at most 300 × (E + 200 × 200) force evaluations.
/// </summary>
public sealed class ForceLayout
{
    public int Iterations { get; init; } = 300;
    public int Seed { get; init; } = 42;
    public double Width { get; init; } = 1000;
    public double Height { get; init; } = 700;
    public double Margin { get; init; } = 40;

    /// <summary>Positions for <paramref name="nodeCount"/> nodes; edges are (a, b, weight) pairs of node indices.</summary>
    public (double X, double Y)[] Run(int nodeCount, IReadOnlyList<(int A, int B, double Weight)> edges)
    {
        var pos = new (double X, double Y)[nodeCount];
        if (nodeCount == 0) return pos;
        if (nodeCount == 1) { pos[0] = (Width / 2, Height / 2); return pos; }
        var rnd = new Random(Seed);
        double w = Width - 2 * Margin, h = Height - 2 * Margin;
        // start on a jittered circle: deterministic and avoids the all-in-one-spot degenerate start
        for (int i = 0; i < nodeCount; i++)
        {
            double a = 2 * Math.PI * i / nodeCount;
            double r = 0.35 + 0.1 * rnd.NextDouble();
            pos[i] = (w / 2 + Math.Cos(a) * r * w, h / 2 + Math.Sin(a) * r * h);
        }
        double k = 0.9 * Math.Sqrt(w * h / nodeCount);
        double k2 = k * k;
        double cell = 2 * k;
        int gx = Math.Max(1, (int)Math.Ceiling(w / cell)), gy = Math.Max(1, (int)Math.Ceiling(h / cell));
        var head = new int[gx * gy];
        var next = new int[nodeCount];
        var disp = new (double X, double Y)[nodeCount];
        double temp = w / 8;
        double cool = temp / (Iterations + 1);

        for (int it = 0; it < Iterations; it++)
        {
            Array.Fill(head, -1);
            for (int i = 0; i < nodeCount; i++)
            {
                int c = CellOf(pos[i], cell, gx, gy);
                next[i] = head[c];
                head[c] = i;
                disp[i] = (0, 0);
            }
            // repulsion: only from nodes in the same or the 8 neighbouring cells (beyond 2k it is negligible)
            for (int i = 0; i < nodeCount; i++)
            {
                int cx = Math.Clamp((int)(pos[i].X / cell), 0, gx - 1), cy = Math.Clamp((int)(pos[i].Y / cell), 0, gy - 1);
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int x = cx + dx, y = cy + dy;
                        if (x < 0 || y < 0 || x >= gx || y >= gy) continue;
                        for (int j = head[y * gx + x]; j >= 0; j = next[j])
                        {
                            if (j == i) continue;
                            double ddx = pos[i].X - pos[j].X, ddy = pos[i].Y - pos[j].Y;
                            double d2 = ddx * ddx + ddy * ddy;
                            if (d2 < 0.01) { ddx = 0.1 * ((i * 7 + j) % 5 - 2); ddy = 0.1 * ((i + j * 3) % 5 - 2); d2 = ddx * ddx + ddy * ddy + 0.01; }
                            if (d2 > 4 * k2) continue;
                            double f = k2 / d2; // (k²/d) along the unit vector = k²·v/d²
                            disp[i].X += ddx * f; disp[i].Y += ddy * f;
                        }
                    }
            }
            foreach (var (a, b, weight) in edges)
            {
                if (a == b) continue;
                double ddx = pos[a].X - pos[b].X, ddy = pos[a].Y - pos[b].Y;
                double d = Math.Sqrt(ddx * ddx + ddy * ddy) + 1e-9;
                double f = d / k * (1 + Math.Log(1 + weight) * 0.3); // (d²/k) along the unit vector
                disp[a].X -= ddx * f; disp[a].Y -= ddy * f;
                disp[b].X += ddx * f; disp[b].Y += ddy * f;
            }
            for (int i = 0; i < nodeCount; i++)
            {
                // gravity towards the centre, proportional to distance
                disp[i].X -= (pos[i].X - w / 2) * 0.02 * k / 10;
                disp[i].Y -= (pos[i].Y - h / 2) * 0.02 * k / 10;
                double len = Math.Sqrt(disp[i].X * disp[i].X + disp[i].Y * disp[i].Y);
                if (len > 0)
                {
                    double step = Math.Min(len, temp) / len;
                    pos[i].X = Math.Clamp(pos[i].X + disp[i].X * step, 0, w);
                    pos[i].Y = Math.Clamp(pos[i].Y + disp[i].Y * step, 0, h);
                }
            }
            temp = Math.Max(temp - cool, 0.5);
        }
        // fit the drawing into the frame
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var p in pos) { minX = Math.Min(minX, p.X); minY = Math.Min(minY, p.Y); maxX = Math.Max(maxX, p.X); maxY = Math.Max(maxY, p.Y); }
        double sx = maxX - minX < 1 ? 1 : w / (maxX - minX), sy = maxY - minY < 1 ? 1 : h / (maxY - minY);
        for (int i = 0; i < nodeCount; i++)
            pos[i] = (Margin + (maxX - minX < 1 ? w / 2 : (pos[i].X - minX) * sx), Margin + (maxY - minY < 1 ? h / 2 : (pos[i].Y - minY) * sy));
        return pos;
    }

    private static int CellOf((double X, double Y) p, double cell, int gx, int gy) =>
        Math.Clamp((int)(p.Y / cell), 0, gy - 1) * gx + Math.Clamp((int)(p.X / cell), 0, gx - 1);
}
