package com.bizcharts.remote;

import com.bizcharts.learn.golden.GoldenSetRepository;
import com.bizcharts.learn.teacher.TeacherLabelRepository;
import com.bizcharts.store.Database;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the training data for the GPU machine in the prototype's messages format (train.json, val.json and the
 * images they name under images/): human labels except the frozen golden set, plus teacher labels at or above a
 * confidence for posts no human labeled. The 90/10 split is a fixed function of the thread id, so a re-export
 * puts every post on the same side.
 */
public final class DatasetExport {

    public static final String PROMPT = "Classify this 4chan /biz/ crypto post as bearish, neutral, or bullish. "
            + "Consider both the image and text together.";
    private static final String[] ANSWERS = {"bearish", "neutral", "bullish"};
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Counts and hashes of what went out: the lineage recorded with the trained model. */
    public record Summary(int human, int teacher, int train, int validation, int images, String trainSha256,
                          String validationSha256, List<Long> goldenHeldOut) {
        public String toJson() {
            ObjectNode n = JSON.createObjectNode();
            n.put("human", human).put("teacher", teacher).put("train", train).put("validation", validation)
                    .put("images", images).put("train_sha256", trainSha256).put("validation_sha256", validationSha256);
            // The golden posts kept out of this export: the pulled model is judged on these only, even if the
            // golden set grows (with posts it trained on) before the evaluation.
            goldenHeldOut.forEach(n.putArray(GOLDEN_IDS)::add);
            return n.toString();
        }
    }

    /** The dataset_json field listing the golden thread ids kept out of training. */
    public static final String GOLDEN_IDS = com.bizcharts.learn.retrain.TrainedOn.GOLDEN_IDS;

    private final GoldenSetRepository goldenSet;
    private final LabelRepository labels;
    private final TeacherLabelRepository teacherLabels;
    private final ThreadRepository threads;
    private final Path imagesDir;

    public DatasetExport(Database db, Path imagesDir) {
        this.goldenSet = new GoldenSetRepository(db);
        this.labels = new LabelRepository(db);
        this.teacherLabels = new TeacherLabelRepository(db);
        this.threads = new ThreadRepository(db);
        this.imagesDir = imagesDir;
    }

    public Summary write(Path dataDir, double validationShare, double teacherMinConfidence) {
        Set<Long> golden = goldenSet.threadIds();
        Map<Long, Integer> human = humanRatings();
        golden.forEach(human::remove);
        Map<Long, Integer> teacher = teacherRatings(teacherMinConfidence);
        human.keySet().forEach(teacher::remove);
        golden.forEach(teacher::remove);
        Map<Long, Integer> all = new LinkedHashMap<>(human);
        all.putAll(teacher);
        if (all.isEmpty()) throw new IllegalArgumentException("no labeled posts to train on (the golden set is kept out)");
        ArrayNode train = JSON.createArrayNode();
        ArrayNode val = JSON.createArrayNode();
        int images = 0;
        try {
            Files.createDirectories(dataDir.resolve("images"));
            List<ThreadOp> posts = threads.findAll(all.keySet()).stream()
                    .sorted(Comparator.comparingLong(ThreadOp::threadId)).toList();
            for (ThreadOp p : posts) {
                long id = p.threadId();
                String image = copyImage(p.thumbnailPath(), dataDir);
                if (image != null) images++;
                (inValidation(id, validationShare) ? val : train).add(record(p.fullText(), all.get(id), image));
            }
            Path trainFile = dataDir.resolve("train.json");
            Path valFile = dataDir.resolve("val.json");
            JSON.writerWithDefaultPrettyPrinter().writeValue(trainFile.toFile(), train);
            JSON.writerWithDefaultPrettyPrinter().writeValue(valFile.toFile(), val);
            return new Summary(human.size(), teacher.size(), train.size(), val.size(), images,
                    FileSync.sha256(trainFile), FileSync.sha256(valFile), golden.stream().sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixed pseudo-random function of the id: the same post always lands on the same side. */
    static boolean inValidation(long threadId, double share) {
        long mixed = threadId * 0x9E3779B97F4A7C15L;
        return Math.floorMod(mixed >>> 33, 1000L) < Math.round(share * 1000);
    }

    private static ObjectNode record(String text, int rating, String image) {
        ObjectNode r = JSON.createObjectNode();
        ArrayNode messages = r.putArray("messages");
        messages.addObject().put("role", "user").put("content", (image != null ? "<image>\n" : "") + PROMPT + "\n" + text);
        messages.addObject().put("role", "assistant").put("content", ANSWERS[rating - 1]);
        ArrayNode imgs = r.putArray("images");
        if (image != null) imgs.add(image);
        return r;
    }

    /** Links (or copies) the thumbnail next to the data; a missing file means the post trains as text only. */
    private String copyImage(String thumbnailPath, Path dataDir) throws IOException {
        if (thumbnailPath == null || thumbnailPath.isBlank()) return null;
        Path source = imagesDir.resolve(thumbnailPath).normalize();
        if (!source.startsWith(imagesDir.normalize()) || !Files.isRegularFile(source)) return null;
        String relative = "images/" + thumbnailPath.replace('\\', '/');
        Path target = dataDir.resolve(relative);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, source.toAbsolutePath());
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(source, target);
            }
        }
        return relative;
    }

    /** Each human-rated post's majority rating; ties go to the most recent label. */
    private Map<Long, Integer> humanRatings() {
        Map<Long, int[]> votes = new LinkedHashMap<>();
        Map<Long, Integer> latest = new HashMap<>();
        for (LabelRepository.Rating r : labels.ratingsNewestFirst()) {
            votes.computeIfAbsent(r.threadId(), k -> new int[3])[r.rating() - 1]++;
            latest.putIfAbsent(r.threadId(), r.rating());
        }
        Map<Long, Integer> out = new LinkedHashMap<>();
        votes.forEach((id, v) -> {
            int best = latest.get(id) - 1;
            for (int i = 0; i < 3; i++) if (v[i] > v[best]) best = i;
            out.put(id, best + 1);
        });
        return out;
    }

    /** The most confident teacher label of each post, when at or above the threshold. */
    private Map<Long, Integer> teacherRatings(double minConfidence) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        teacherLabels.confidentLabels(minConfidence).forEach(l -> out.putIfAbsent(l.threadId(), l.label().rating()));
        return out;
    }
}
