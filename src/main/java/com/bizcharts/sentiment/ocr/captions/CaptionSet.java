package com.bizcharts.sentiment.ocr.captions;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A caption set for measuring OCR: images (real ones from a folder, or generated backgrounds), each given top and
 * bottom text drawn from /biz/ words with a fixed seed (the true text kept), rendered as a meme (longer side 500 px)
 * and as the thumbnail {@code bizcharts ocr} reads (scaled into 250 x 250 and JPEG-compressed at quality 0.85, as
 * 4chan's thumbnails).
 */
public final class CaptionSet {

    public static final int MEME_SIDE = 500, THUMBNAIL_SIDE = 250;
    static final float THUMBNAIL_QUALITY = 0.85f;

    /** Words captions are made of: /biz/ slang, tickers, numbers and the plain English around them. */
    static final List<String> WORDS = List.of(
            "BTC", "ETH", "SOL", "LINK", "XRP", "DOGE", "PEPE", "BNB", "ADA", "XMR", "SHIB", "USDT",
            "BITCOIN", "CRYPTO", "CHAINLINK", "ETHEREUM", "SATS", "STABLECOIN", "ALTCOIN", "MEMECOIN",
            "WAGMI", "NGMI", "HFSP", "FUD", "FOMO", "DYOR", "NFA", "ATH", "REKT", "COPE", "SEETHE", "LFG", "GM", "SER",
            "FREN", "ANON", "WAGIE", "NORMIES", "WHALES", "JEETS", "BAGHOLDER", "LAMBO", "MOON", "RUG", "PULL",
            "PUMP", "DUMP", "DIP", "TOP", "BOTTOM", "CRASH", "RALLY", "BULL", "BEAR", "MARKET", "CHART", "CANDLE",
            "GREEN", "RED", "LONG", "SHORT", "LEVERAGE", "LIQUIDATED", "GAINS", "LOSSES", "PORTFOLIO", "BAGS",
            "BUY", "SELL", "HOLD", "BOUGHT", "SOLD", "SELLING", "BUYING", "PRINTER", "BRRR", "FED", "RATES", "GOLD",
            "100K", "69K", "10X", "100X", "$420", "-80%", "+300%", "2026", "0.01", "$1", "1000X",
            "IT'S", "OVER", "WE'RE", "SO", "BACK", "WHEN", "YOU", "THE", "MY", "IS", "IN", "AT", "TO", "OF", "ONE",
            "MORE", "JUST", "NEVER", "ALWAYS", "AGAIN", "TODAY", "TOMORROW", "NOW", "WHY", "THIS", "HAPPENING",
            "FEW", "UNDERSTAND", "HAVE", "FUN", "STAYING", "POOR", "NO", "CARES", "TRUST", "PLAN", "ZOOM", "OUT",
            "HIRING", "APPLY", "CAGE", "WIFE", "BOYFRIEND", "MCDONALDS", "RICH", "BROKE", "MONEY", "EVERYTHING");

    /** An image to caption: a file, or (file null) a background generated from {@code seed}. */
    public record Background(String name, Path file, long seed) {
        public static Background of(Path file) { return new Background(file.toString(), file, 0); }
        public static Background generated(long seed) { return new Background("generated-" + seed, null, seed); }

        public BufferedImage image() {
            if (file == null) return GeneratedBackground.draw(seed);
            try {
                BufferedImage img = ImageIO.read(file.toFile());
                if (img == null) throw new IllegalArgumentException("not an image: " + file);
                return img;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One image and the captions put on it. */
    public record Caption(Background image, String top, String bottom) {
        /** What a perfect reader returns: top then bottom, one space between. */
        public String truth() {
            return (top + " " + bottom).strip();
        }
    }

    /** The two versions read: the meme as posted and the thumbnail the board shows. */
    public record Rendered(BufferedImage meme, BufferedImage thumbnail) {}

    private CaptionSet() {}

    /** The images in a folder and its subfolders (png, jpg, jpeg, gif), sorted by path. */
    public static List<Background> images(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|gif)"))
                    .sorted().map(Background::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} generated backgrounds (photo-like blobs and gradients), numbered from {@code seed}. */
    public static List<Background> generated(int count, long seed) {
        List<Background> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(Background.generated(seed * 1_000_003L + i));
        return out;
    }

    /** {@code perImage} captions for each image, drawn with {@code seed}: the same arguments give the same set. */
    public static List<Caption> draw(List<Background> images, int perImage, long seed) {
        Random r = new Random(seed);
        List<Caption> out = new ArrayList<>();
        for (Background image : images) {
            for (int k = 0; k < perImage; k++) {
                // mostly both lines; now and then only one, as some memes have
                int shape = r.nextInt(10);
                out.add(new Caption(image, shape == 0 ? "" : phrase(r), shape == 1 ? "" : phrase(r)));
            }
        }
        return out;
    }

    /** One to four words. */
    static String phrase(Random r) {
        int n = 1 + r.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i > 0 ? " " : "").append(WORDS.get(r.nextInt(WORDS.size())));
        return sb.toString();
    }

    /** The caption drawn on its image scaled to a longer side of 500, and that meme as a thumbnail. */
    public static Rendered render(Caption c, Font face) {
        BufferedImage base = c.image().image();
        BufferedImage meme = MemeCaption.render(scaled(base, MEME_SIDE), c.top(), c.bottom(), face);
        return new Rendered(meme, jpeg(scaled(meme, THUMBNAIL_SIDE), THUMBNAIL_QUALITY));
    }

    /** Scaled (up or down) so the longer side is {@code side}, smoothly. */
    static BufferedImage scaled(BufferedImage image, int side) {
        double f = (double) side / Math.max(image.getWidth(), image.getHeight());
        int w = Math.max(1, (int) Math.round(image.getWidth() * f)), h = Math.max(1, (int) Math.round(image.getHeight() * f));
        BufferedImage current = image;
        // halve step by step when shrinking a lot, so bilinear filtering does not skip pixels
        while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, w, h);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Encoded as JPEG at {@code quality} and decoded again. */
    static BufferedImage jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), p);
            out.flush();
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
