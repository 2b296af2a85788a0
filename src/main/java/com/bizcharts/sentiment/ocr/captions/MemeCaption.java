package com.bizcharts.sentiment.ocr.captions;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Top and bottom text drawn the way meme makers draw it: capitals in an Impact-style face, white with a black outline,
 * centred, as large as fits the width (shrunk down to a floor, then wrapped onto two lines).
 */
public final class MemeCaption {

    /** Largest and smallest letter size, as shares of the image height; below the floor a caption wraps. */
    static final double LARGEST = 0.13, FLOOR = 0.075, WRAPPED_FLOOR = 0.05;
    static final double MARGIN = 0.03, WIDTH_USED = 0.92;

    private MemeCaption() {}

    /** A copy of {@code base} (flattened onto white) with the captions; an empty caption is left out. */
    public static BufferedImage render(BufferedImage base, String top, String bottom, Font face) {
        int w = base.getWidth(), h = base.getHeight();
        BufferedImage out = com.bizcharts.sentiment.image.Thumbnail.onWhite(base);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            if (!top.isBlank()) draw(g, layout(top, face, w, h, g.getFontRenderContext()), w, h, true);
            if (!bottom.isBlank()) draw(g, layout(bottom, face, w, h, g.getFontRenderContext()), w, h, false);
        } finally {
            g.dispose();
        }
        return out;
    }

    private record Block(List<TextLayout> lines, float size) {}

    private static Block layout(String text, Font face, int w, int h, FontRenderContext frc) {
        String caps = text.strip().toUpperCase(Locale.ROOT);
        Block one = fit(List.of(caps), face, w, h, FLOOR, frc);
        if (one != null) return one;
        int cut = wrapPoint(caps);
        List<String> two = cut < 0 ? List.of(caps) : List.of(caps.substring(0, cut).strip(), caps.substring(cut).strip());
        Block wrapped = fit(two, face, w, h, WRAPPED_FLOOR, frc);
        return wrapped != null ? wrapped : lines(two, face.deriveFont((float) (h * WRAPPED_FLOOR)), frc);
    }

    /** The largest size between the floor and the top at which every line fits the width, or null. */
    private static Block fit(List<String> texts, Font face, int w, int h, double floor, FontRenderContext frc) {
        for (double share = LARGEST; share >= floor - 1e-9; share -= 0.005) {
            Block b = lines(texts, face.deriveFont((float) (h * share)), frc);
            if (b.lines().stream().allMatch(l -> l.getAdvance() <= w * WIDTH_USED)) return b;
        }
        return null;
    }

    private static Block lines(List<String> texts, Font font, FontRenderContext frc) {
        List<TextLayout> out = new ArrayList<>();
        for (String t : texts) out.add(new TextLayout(t, font, frc));
        return new Block(out, font.getSize2D());
    }

    /** The space nearest the middle, or -1. */
    static int wrapPoint(String text) {
        int best = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && (best < 0 || Math.abs(i - text.length() / 2.0) < Math.abs(best - text.length() / 2.0))) best = i;
        }
        return best;
    }

    private static void draw(Graphics2D g, Block block, int w, int h, boolean top) {
        float lineHeight = block.size() * 1.05f;
        float total = lineHeight * block.lines().size();
        float y = top ? (float) (h * MARGIN) : (float) (h - h * MARGIN - total);
        g.setStroke(new BasicStroke(Math.max(1.5f, block.size() / 8f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (TextLayout line : block.lines()) {
            float baseline = y + (lineHeight + line.getAscent() - line.getDescent()) / 2f;
            float x = (float) ((w - line.getAdvance()) / 2);
            Shape outline = line.getOutline(AffineTransform.getTranslateInstance(x, baseline));
            g.setColor(Color.BLACK);
            g.draw(outline);
            g.setColor(Color.WHITE);
            g.fill(outline);
            y += lineHeight;
        }
    }
}
