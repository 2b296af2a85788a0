package com.bizcharts.ui;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Saves a PNG of a scene to target/screenshots/ so a reviewer can look at every view. */
public final class Screenshots {

    private Screenshots() {}

    public static Path save(Scene scene, String name) {
        return write(snapshot(() -> scene.snapshot(null)), name);
    }

    /** One part of a window (a report panel), as laid out on screen. */
    public static Path save(javafx.scene.Node node, String name) {
        return write(snapshot(() -> node.snapshot(null, null)), name);
    }

    private static WritableImage snapshot(java.util.concurrent.Callable<WritableImage> take) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(take).get();
        } catch (Exception e) {
            throw new IllegalStateException("snapshot failed", e);
        }
    }

    private static Path write(WritableImage img, String name) {
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pr = img.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(x, y, pr.getArgb(x, y));
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
