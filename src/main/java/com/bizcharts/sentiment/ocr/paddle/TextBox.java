package com.bizcharts.sentiment.ocr.paddle;

import java.util.List;

/**
 * A detected text region in image coordinates: four corners top-left, top-right, bottom-right, bottom-left (as
 * PaddleOCR orders them) and the detector's mean probability inside the region before it was expanded.
 */
public record TextBox(List<Point> corners, double score) {

    public record Point(double x, double y) {
        double distance(Point o) { return Math.hypot(x - o.x, y - o.y); }
    }

    public TextBox {
        if (corners.size() != 4) throw new IllegalArgumentException("a text box has 4 corners, got " + corners.size());
        corners = List.copyOf(corners);
    }

    public Point topLeft() { return corners.get(0); }

    /** The crop's width as PaddleOCR measures it: the longer of the top and bottom edges. */
    public double width() {
        return Math.max(corners.get(0).distance(corners.get(1)), corners.get(2).distance(corners.get(3)));
    }

    /** The longer of the left and right edges. */
    public double height() {
        return Math.max(corners.get(0).distance(corners.get(3)), corners.get(1).distance(corners.get(2)));
    }
}
