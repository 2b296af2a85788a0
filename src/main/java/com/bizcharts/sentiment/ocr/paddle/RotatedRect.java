package com.bizcharts.sentiment.ocr.paddle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A rectangle at any angle: centre, the side lengths along its unit axis (ux, uy) and the normal. {@link #enclosing}
 * is OpenCV's {@code minAreaRect}: the smallest-area rectangle holding a set of points, found over the edges of their
 * convex hull (one side of the optimum lies on a hull edge).
 */
record RotatedRect(double cx, double cy, double width, double height, double ux, double uy) {

    /** The shorter side (PaddleOCR's {@code sside}). */
    double shortSide() {
        return Math.min(width, height);
    }

    /** The same rectangle with each side pushed out by {@code d}. */
    RotatedRect grown(double d) {
        return new RotatedRect(cx, cy, width + 2 * d, height + 2 * d, ux, uy);
    }

    /**
     * The corners ordered as PaddleOCR's {@code get_mini_boxes}: of the two left-most (by x) the upper is top-left and
     * the other bottom-left; of the two right-most the upper is top-right.
     */
    List<TextBox.Point> orderedCorners() {
        double hx = ux * width / 2, hy = uy * width / 2, vx = -uy * height / 2, vy = ux * height / 2;
        TextBox.Point[] p = {
                new TextBox.Point(cx - hx - vx, cy - hy - vy), new TextBox.Point(cx + hx - vx, cy + hy - vy),
                new TextBox.Point(cx + hx + vx, cy + hy + vy), new TextBox.Point(cx - hx + vx, cy - hy + vy)};
        Arrays.sort(p, Comparator.comparingDouble(TextBox.Point::x)); // stable, as Python's sorted
        TextBox.Point tl = p[1].y() > p[0].y() ? p[0] : p[1], bl = p[1].y() > p[0].y() ? p[1] : p[0];
        TextBox.Point tr = p[3].y() > p[2].y() ? p[2] : p[3], br = p[3].y() > p[2].y() ? p[3] : p[2];
        return List.of(tl, tr, br, bl);
    }

    /** The minimum-area rectangle around the points {@code (xs[i], ys[i])}, i < n. */
    static RotatedRect enclosing(int[] xs, int[] ys, int n) {
        List<long[]> hull = hull(xs, ys, n);
        if (hull.size() == 1) return new RotatedRect(hull.get(0)[0], hull.get(0)[1], 0, 0, 1, 0);
        RotatedRect best = null;
        double bestArea = Double.POSITIVE_INFINITY;
        for (int i = 0; i < hull.size(); i++) {
            long[] a = hull.get(i), b = hull.get((i + 1) % hull.size());
            double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
            if (len == 0) continue;
            double ux = (b[0] - a[0]) / len, uy = (b[1] - a[1]) / len;
            double minU = Double.POSITIVE_INFINITY, maxU = Double.NEGATIVE_INFINITY;
            double minV = Double.POSITIVE_INFINITY, maxV = Double.NEGATIVE_INFINITY;
            for (long[] p : hull) {
                double u = p[0] * ux + p[1] * uy, v = -p[0] * uy + p[1] * ux;
                minU = Math.min(minU, u); maxU = Math.max(maxU, u);
                minV = Math.min(minV, v); maxV = Math.max(maxV, v);
            }
            double area = (maxU - minU) * (maxV - minV);
            if (area < bestArea - 1e-9) {
                bestArea = area;
                double mu = (minU + maxU) / 2, mv = (minV + maxV) / 2;
                best = new RotatedRect(mu * ux - mv * uy, mu * uy + mv * ux, maxU - minU, maxV - minV, ux, uy);
            }
        }
        return best;
    }

    /** Andrew's monotone chain; collinear points dropped. */
    private static List<long[]> hull(int[] xs, int[] ys, int n) {
        if (n == 0) throw new IllegalArgumentException("no points");
        long[][] pts = new long[n][];
        for (int i = 0; i < n; i++) pts[i] = new long[]{xs[i], ys[i]};
        Arrays.sort(pts, Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        List<long[]> unique = new ArrayList<>();
        for (long[] p : pts) {
            if (unique.isEmpty() || unique.getLast()[0] != p[0] || unique.getLast()[1] != p[1]) unique.add(p);
        }
        if (unique.size() < 3) return unique;
        List<long[]> lower = chain(unique), upper = chain(unique.reversed());
        lower.removeLast();
        upper.removeLast();
        lower.addAll(upper);
        return lower;
    }

    private static List<long[]> chain(List<long[]> pts) {
        List<long[]> out = new ArrayList<>();
        for (long[] p : pts) {
            while (out.size() >= 2 && cross(out.get(out.size() - 2), out.getLast(), p) <= 0) out.removeLast();
            out.add(p);
        }
        return out;
    }

    private static long cross(long[] o, long[] a, long[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
