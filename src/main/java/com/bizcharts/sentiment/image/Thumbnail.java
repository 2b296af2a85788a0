package com.bizcharts.sentiment.image;

import com.bizcharts.sentiment.ImageStatus;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * A post's thumbnail decoded once per prediction and shared by every image signal (colour features, perceptual hash,
 * CLIP encoder, OCR), or why it could not be: no file, a format that is not a still image, or bytes that do not
 * decode. Reading never throws for a bad file; the status says what happened.
 *
 * @param image the decoded image, null unless {@code status} is USED
 */
public record Thumbnail(Path path, ImageStatus status, BufferedImage image, String detail) {

    /** Extensions of files that are not still images; /biz/ posts webm and pdf too. */
    public static final Set<String> NOT_STILL = Set.of("webm", "mp4", "pdf", "swf", "gifv");

    /** The post has no image. */
    public static final Thumbnail NONE = new Thumbnail(null, ImageStatus.MISSING, null, "no image file");

    public Thumbnail {
        if ((status == ImageStatus.USED) != (image != null))
            throw new IllegalArgumentException("a thumbnail has an image exactly when it was decoded");
    }

    public static Thumbnail read(Path file) {
        if (file == null) return NONE;
        if (!Files.isRegularFile(file)) return new Thumbnail(file, ImageStatus.MISSING, null, "no image file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && NOT_STILL.contains(name.substring(dot + 1))) {
            return new Thumbnail(file, ImageStatus.UNSUPPORTED, null, "not a still image: " + name.substring(dot + 1));
        }
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) return new Thumbnail(file, ImageStatus.UNDECODABLE, null, "no decoder recognises the file");
            return new Thumbnail(file, ImageStatus.USED, img, "");
        } catch (IOException | RuntimeException e) {
            // ImageIO throws unchecked exceptions on some truncated files; all of them mean "undecodable".
            return new Thumbnail(file, ImageStatus.UNDECODABLE, null, "corrupt image: " + e.getMessage());
        }
    }

    /** An image already in memory (tests, the bench). */
    public static Thumbnail of(BufferedImage image) {
        return new Thumbnail(null, ImageStatus.USED, image, "");
    }

    /** An RGB copy with transparent pixels on white, as a reader of the post sees a PNG with transparency. */
    public static BufferedImage onWhite(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    public boolean used() {
        return status == ImageStatus.USED;
    }
}
