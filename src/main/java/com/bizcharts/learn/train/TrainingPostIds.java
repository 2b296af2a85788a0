package com.bizcharts.learn.train;

import com.bizcharts.sentiment.embedded.ModelMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which posts a model was trained on, by thread id (the 4chan post number: the {@code thread_id} of a labels file
 * and of the database alike, so a model trained from a file and one trained from the database name the same post
 * the same way). Recorded in {@code metadata.json} ({@code training.thread_ids}) so the promotion gate can judge
 * two models only on golden posts neither has seen.
 */
public final class TrainingPostIds {

    private TrainingPostIds() {}

    /**
     * The sorted, distinct thread ids of the training posts; null when any post has none (a labels file without
     * {@code thread_id}): a partial list would claim posts unseen that may have been trained on.
     */
    public static List<Long> of(List<LabeledPost> posts) {
        if (posts.stream().anyMatch(p -> p.post().threadId() <= 0)) return null;
        return posts.stream().map(p -> p.post().threadId()).distinct().sorted().toList();
    }

    /**
     * Adds the trained-on thread ids to an existing model's metadata from the labels file it was trained on, without
     * retraining: for models made before the ids were recorded (the shipped default). The file must be the one the
     * metadata names, byte for byte (its SHA-256 and post count are checked); weights and the model id are unchanged.
     *
     * @param dataFile the labels file, or null for the {@code training.source} the metadata records (read relative to
     *                 the working directory, as {@code train --data} was given it)
     * @return the metadata as written
     */
    public static ModelMetadata record(Path modelDir, Path dataFile) {
        Path file = modelDir.resolve(ModelMetadata.FILE);
        ModelMetadata metadata;
        try (InputStream in = Files.newInputStream(file)) {
            metadata = ModelMetadata.read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a model directory (no readable metadata.json): " + modelDir);
        }
        ModelMetadata.Training t = metadata.training();
        if (t == null) throw new IllegalArgumentException(modelDir + " records no training data to take the posts from");
        Path source = dataFile != null ? dataFile : Path.of(t.source());
        if (!Files.isRegularFile(source))
            throw new IllegalArgumentException("the training file " + source + " is not here: pass it with --data");
        LabeledPostsFile.Contents c = LabeledPostsFile.read(source);
        if (!Objects.equals(c.sha256(), t.sha256()) || c.posts().size() != t.size())
            throw new IllegalArgumentException(source + " is not the file " + metadata.id() + " was trained on (sha256 "
                    + c.sha256().substring(0, 12) + " and " + c.posts().size() + " posts; the model records "
                    + abbreviate(t.sha256()) + " and " + t.size() + ")");
        List<Long> ids = of(c.posts());
        if (ids == null) throw new IllegalArgumentException(source + " has posts without a thread_id: nothing exact to record");
        ModelMetadata updated = metadata.withTraining(t.withThreadIds(ids));
        try {
            Files.writeString(file, updated.toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return updated;
    }

    private static String abbreviate(String sha) {
        return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length()));
    }
}
