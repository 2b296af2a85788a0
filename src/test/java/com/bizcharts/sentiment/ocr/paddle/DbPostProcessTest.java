package com.bizcharts.sentiment.ocr.paddle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DbPostProcessTest {

    final DbPostProcess post = new DbPostProcess(DbPostProcess.Thresholds.PADDLE);

    static float[] map(int w, int h) {
        return new float[w * h];
    }

    static void fill(float[] map, int w, int x0, int y0, int x1, int y1, float v) {
        for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) map[y * w + x] = v;
    }

    static List<double[]> corners(TextBox b) {
        return b.corners().stream().map(p -> new double[]{p.x(), p.y()}).toList();
    }

    @Test
    void aRegionBecomesItsRectangleGrownByTheUnclipDistance() {
        float[] m = map(40, 20);
        fill(m, 40, 10, 5, 29, 12, 0.9f);  // pixel centres 10..29 x 5..12: a 19 x 7 rectangle
        List<TextBox> boxes = post.boxes(m, 40, 20, 40, 20);
        assertThat(boxes).hasSize(1);
        TextBox b = boxes.getFirst();
        assertThat(b.score()).isCloseTo(0.9, within(1e-6));
        // d = 19 * 7 * 1.5 / (2 * (19 + 7)) = 3.8365: x 6.16..32.84, y 1.16..15.84, rounded
        assertThat(corners(b)).containsExactly(new double[]{6, 1}, new double[]{33, 1}, new double[]{33, 16}, new double[]{6, 16});
    }

    @Test
    void boxesAreScaledToTheImageTheMapCameFromAndClipped() {
        float[] m = map(40, 20);
        fill(m, 40, 10, 5, 29, 12, 0.9f);
        TextBox b = post.boxes(m, 40, 20, 80, 40).getFirst();
        assertThat(corners(b)).containsExactly(new double[]{12, 2}, new double[]{66, 2}, new double[]{66, 32}, new double[]{12, 32});
        float[] edge = map(40, 20);
        fill(edge, 40, 0, 0, 15, 6, 0.95f);
        TextBox clipped = post.boxes(edge, 40, 20, 40, 20).getFirst();
        assertThat(clipped.topLeft().x()).isZero();
        assertThat(clipped.topLeft().y()).isZero();
    }

    @Test
    void weakTinyAndBelowThresholdRegionsAreDropped() {
        float[] m = map(60, 30);
        fill(m, 60, 2, 2, 20, 10, 0.5f);    // above the 0.3 threshold but its mean is under the 0.6 box threshold
        fill(m, 60, 30, 2, 31, 3, 0.99f);   // 2 x 2 pixels: short side 1 < 3
        fill(m, 60, 35, 15, 55, 25, 0.3f);  // not above the threshold at all
        fill(m, 60, 2, 20, 25, 27, 0.8f);   // the one box
        List<TextBox> boxes = post.boxes(m, 60, 30, 60, 30);
        assertThat(boxes).hasSize(1);
        assertThat(boxes.getFirst().score()).isCloseTo(0.8, within(1e-6));
    }

    @Test
    void diagonalNeighboursAreOneRegionAndSeparateRegionsAreSeparateBoxes() {
        float[] m = map(60, 30);
        fill(m, 60, 5, 5, 14, 10, 0.9f);
        fill(m, 60, 15, 11, 24, 16, 0.9f);  // touches the first only at a corner: 8-connected
        fill(m, 60, 40, 5, 55, 12, 0.9f);
        // any box score passes here: the L-shaped pair fills its rectangle only half
        DbPostProcess all = new DbPostProcess(new DbPostProcess.Thresholds(0.3, 0, 1.5, 3, 1000));
        assertThat(all.boxes(m, 60, 30, 60, 30)).hasSize(2);
        assertThat(post.boxes(m, 60, 30, 60, 30)).hasSize(1);
    }

    @Test
    void aSlantedRegionGivesASlantedBoxCornersInPaddleOrder() {
        int w = 120, h = 80;
        float[] m = map(w, h);
        double angle = Math.toRadians(20), cx = 60, cy = 40;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (x - cx) * Math.cos(angle) + (y - cy) * Math.sin(angle);
                double v = -(x - cx) * Math.sin(angle) + (y - cy) * Math.cos(angle);
                if (Math.abs(u) <= 30 && Math.abs(v) <= 6) m[y * w + x] = 0.9f;
            }
        }
        TextBox b = post.boxes(m, w, h, w, h).getFirst();
        TextBox.Point tl = b.corners().get(0), tr = b.corners().get(1), br = b.corners().get(2), bl = b.corners().get(3);
        assertThat(Math.toDegrees(Math.atan2(tr.y() - tl.y(), tr.x() - tl.x()))).isCloseTo(20, within(3.0));
        assertThat(tl.x()).isLessThan(tr.x());
        assertThat(bl.y()).isGreaterThan(tl.y());
        assertThat(br.x()).isGreaterThan(bl.x());
        // about 60 x 12 grown by 60 * 12 * 1.5 / 144 = 7.5 on every side
        assertThat(b.width()).isCloseTo(75, within(3.0));
        assertThat(b.height()).isCloseTo(27, within(3.0));
    }

    @Test
    void theMinimumAreaRectangleOfADiamondIsTheDiamond() {
        RotatedRect r = RotatedRect.enclosing(new int[]{0, 5, 10, 5, 5}, new int[]{5, 0, 5, 10, 5}, 5);
        assertThat(r.width() * r.height()).isCloseTo(50, within(1e-9));
        assertThat(r.cx()).isCloseTo(5, within(1e-9));
        assertThat(r.cy()).isCloseTo(5, within(1e-9));
        RotatedRect line = RotatedRect.enclosing(new int[]{0, 3, 6}, new int[]{0, 0, 0}, 3);
        assertThat(line.shortSide()).isZero();
    }

    @Test
    void readingOrderIsRowsTopDownAndLeftToRightWithinARow() {
        TextBox right = box(100, 12), left = box(10, 16), below = box(5, 60);
        assertThat(PaddleOcr.readingOrder(List.of(below, right, left))).containsExactly(left, right, below);
    }

    static TextBox box(double x, double y) {
        return new TextBox(List.of(new TextBox.Point(x, y), new TextBox.Point(x + 50, y), new TextBox.Point(x + 50, y + 20),
                new TextBox.Point(x, y + 20)), 0.9);
    }
}
