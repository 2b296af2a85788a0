package com.bizcharts.ui.common;

import com.bizcharts.store.labels.SentimentLabel;
import javafx.scene.paint.Color;

/** Our colours, defined once as named tokens; views and charts take them from here, never as literals. */
public final class Palette {

    public static final Color BEARISH = Color.web("#d1495b");
    public static final Color NEUTRAL = Color.web("#8b95a1");
    public static final Color BULLISH = Color.web("#2a9d8f");
    public static final Color GREENTEXT = Color.web("#789922");
    /** Secondary text: hints and empty values, readable on the light and the dark theme. */
    public static final Color MUTED_TEXT = Color.web("#7d8590");
    /** Confusion matrix: posts the model got right (the diagonal) and posts it got wrong. */
    public static final Color AGREEMENT = Color.web("#2f6fbf");
    public static final Color MISTAKE = Color.web("#e07a2f");
    /** A coin's price where it is drawn over sentiment (overlays, detail chart). */
    public static final Color PRICE = Color.web("#e09f3e");
    /** A second data line that is neither bullish, bearish nor a price (e.g. one lead-lag horizon). */
    public static final Color ACCENT = Color.web("#3d7bd9");

    /** What a chart is drawn on and with, per theme: JFreeChart does not follow the JavaFX stylesheet. */
    public record ChartInk(Color background, Color plot, Color grid, Color text) {}

    /** Charts in the light theme: white plot, light grid (reads well in the PNG exports too). */
    public static final ChartInk LIGHT_CHART = new ChartInk(Color.WHITE, Color.WHITE, Color.web("#d0d7de"), Color.web("#24292f"));
    /** Charts in the dark theme, on AtlantaFX Primer Dark's canvas colours. */
    public static final ChartInk DARK_CHART = new ChartInk(Color.web("#0d1117"), Color.web("#161b22"), Color.web("#30363d"),
            Color.web("#c9d1d9"));

    public static ChartInk chart(boolean dark) {
        return dark ? DARK_CHART : LIGHT_CHART;
    }

    private Palette() {}

    public static Color of(SentimentLabel label) {
        return switch (label) {
            case BEARISH -> BEARISH;
            case NEUTRAL -> NEUTRAL;
            case BULLISH -> BULLISH;
        };
    }

    /** The same colour for AWT (JFreeChart draws with AWT). */
    public static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    /** A CSS colour: {@code #rrggbb}, or {@code rgba(...)} when the colour is translucent. */
    public static String css(Color c) {
        if (c.getOpacity() < 1) return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.3f)", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255), c.getOpacity());
        return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }
}
