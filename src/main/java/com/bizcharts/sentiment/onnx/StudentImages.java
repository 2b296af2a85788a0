package com.bizcharts.sentiment.onnx;

import com.bizcharts.sentiment.ImageStatus;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Reads a post's thumbnail for the student, saying why when there is none (the student then sees a black image). */
final class StudentImages {

    record Read(ImageStatus status, BufferedImage image) {}

    private static final Set<String> NOT_STILL = Set.of("webm", "mp4", "pdf", "swf");

    private StudentImages() {}

    static Read read(Path file) {
        if (file == null || !Files.isRegularFile(file)) return new Read(ImageStatus.MISSING, null);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (NOT_STILL.contains(name.substring(name.lastIndexOf('.') + 1))) return new Read(ImageStatus.UNSUPPORTED, null);
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            return img == null ? new Read(ImageStatus.UNDECODABLE, null) : new Read(ImageStatus.USED, img);
        } catch (IOException | RuntimeException e) {
            return new Read(ImageStatus.UNDECODABLE, null);
        }
    }
}
