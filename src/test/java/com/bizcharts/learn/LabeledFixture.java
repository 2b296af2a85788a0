package com.bizcharts.learn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the committed synthetic labeled-posts fixture (36 posts, 12 per label) into a test folder. */
public final class LabeledFixture {

    private LabeledFixture() {}

    public static Path copyTo(Path dir) {
        try (InputStream in = LabeledFixture.class.getResourceAsStream("labeled-posts.jsonl")) {
            Path file = dir.resolve("labeled-posts.jsonl");
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
