package com.bizcharts.sentiment.ocr.paddle;

import java.util.ArrayList;
import java.util.List;

/**
 * Text boxes from a DB probability map, as PaddleOCR's {@code DBPostProcess} with {@code score_mode = "fast"}: pixels
 * above the threshold, each 8-connected region's minimum-area rectangle, kept when its short side is at least
 * {@code minSize} and the mean probability inside it at least the box threshold, then expanded by the unclip distance
 * (area x ratio / perimeter on every side), scaled to the image and clipped. Regions are found as connected components
 * rather than OpenCV contours: the same outer outlines, without the contours of holes inside a region.
 */
public final class DbPostProcess {

    /** PaddleOCR's inference defaults ({@code det_db_*}, {@code max_candidates}, {@code min_size}). */
    public record Thresholds(double threshold, double boxThreshold, double unclipRatio, int minSize, int maxCandidates) {
        public static final Thresholds PADDLE = new Thresholds(0.3, 0.6, 1.5, 3, 1000);
    }

    private final Thresholds t;

    public DbPostProcess(Thresholds thresholds) {
        this.t = thresholds;
    }

    /**
     * The boxes in {@code map} ({@code width x height}, row-major probabilities), in the coordinates of an image of
     * {@code destWidth x destHeight} the map was computed from; in the order regions are met scanning rows.
     */
    public List<TextBox> boxes(float[] map, int width, int height, int destWidth, int destHeight) {
        if (map.length < width * height) throw new IllegalArgumentException("map smaller than " + width + " x " + height);
        int[] label = new int[width * height];
        int[] stack = new int[width * height];
        int[] xs = new int[2 * height], ys = new int[2 * height];
        int[] rowMin = new int[height], rowMax = new int[height];
        List<TextBox> out = new ArrayList<>();
        int regions = 0;
        for (int start = 0; start < width * height && regions < t.maxCandidates(); start++) {
            if (label[start] != 0 || !(map[start] > t.threshold())) continue;
            regions++;
            java.util.Arrays.fill(rowMin, Integer.MAX_VALUE);
            java.util.Arrays.fill(rowMax, -1);
            int top = height, bottom = -1, sp = 0;
            stack[sp++] = start;
            label[start] = regions;
            while (sp > 0) {
                int i = stack[--sp], x = i % width, y = i / width;
                rowMin[y] = Math.min(rowMin[y], x);
                rowMax[y] = Math.max(rowMax[y], x);
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= height) continue;
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx, j = ny * width + nx;
                        if (nx < 0 || nx >= width || label[j] != 0 || !(map[j] > t.threshold())) continue;
                        label[j] = regions;
                        stack[sp++] = j;
                    }
                }
            }
            int n = 0;
            for (int y = top; y <= bottom; y++) {
                if (rowMax[y] < 0) continue;
                xs[n] = rowMin[y]; ys[n++] = y;
                xs[n] = rowMax[y]; ys[n++] = y;
            }
            TextBox box = box(map, width, height, RotatedRect.enclosing(xs, ys, n), destWidth, destHeight);
            if (box != null) out.add(box);
        }
        return out;
    }

    private TextBox box(float[] map, int width, int height, RotatedRect rect, int destWidth, int destHeight) {
        if (rect.shortSide() < t.minSize()) return null;
        double score = meanInside(map, width, height, rect.orderedCorners());
        if (score < t.boxThreshold()) return null;
        double distance = rect.width() * rect.height() * t.unclipRatio() / (2 * (rect.width() + rect.height()));
        RotatedRect grown = rect.grown(distance);
        if (grown.shortSide() < t.minSize() + 2) return null;
        List<TextBox.Point> corners = new ArrayList<>(4);
        for (TextBox.Point p : grown.orderedCorners()) {
            double x = clip(Math.rint(p.x() / width * destWidth), destWidth - 1);
            double y = clip(Math.rint(p.y() / height * destHeight), destHeight - 1);
            corners.add(new TextBox.Point(x, y));
        }
        TextBox scaled = new TextBox(corners, score);
        // PaddleOCR's filter_tag_det_res: boxes of 3 pixels or less across are dropped
        if ((int) corners.get(0).distance(corners.get(1)) <= 3 || (int) corners.get(0).distance(corners.get(3)) <= 3) return null;
        return scaled;
    }

    /**
     * {@code box_score_fast}: the mean of the map over the pixels of the box's bounding rectangle that lie inside the
     * box (its corners truncated to whole pixels, edges included).
     */
    static double meanInside(float[] map, int width, int height, List<TextBox.Point> corners) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = minX, maxY = maxX;
        for (TextBox.Point p : corners) {
            minX = Math.min(minX, p.x()); maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y()); maxY = Math.max(maxY, p.y());
        }
        int x0 = (int) clip(Math.floor(minX), width - 1), x1 = (int) clip(Math.ceil(maxX), width - 1);
        int y0 = (int) clip(Math.floor(minY), height - 1), y1 = (int) clip(Math.ceil(maxY), height - 1);
        long[] px = new long[4], py = new long[4];
        for (int k = 0; k < 4; k++) { px[k] = (long) corners.get(k).x(); py[k] = (long) corners.get(k).y(); }
        double sum = 0;
        int count = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (!inside(px, py, x, y)) continue;
                sum += map[y * width + x];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Inside or on the edge of a convex quadrilateral of either orientation. */
    private static boolean inside(long[] px, long[] py, long x, long y) {
        boolean negative = false, positive = false;
        for (int k = 0; k < 4; k++) {
            int m = (k + 1) % 4;
            long c = (px[m] - px[k]) * (y - py[k]) - (py[m] - py[k]) * (x - px[k]);
            if (c < 0) negative = true;
            if (c > 0) positive = true;
        }
        return !(negative && positive);
    }

    private static double clip(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }
}
