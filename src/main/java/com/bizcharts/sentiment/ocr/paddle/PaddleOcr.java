package com.bizcharts.sentiment.ocr.paddle;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PaddleOCR's text system on ONNX Runtime: detect text boxes (DB), sort them into reading order, cut each out
 * upright, recognise each line (CTC) and drop lines read with a mean confidence under 0.5 ({@code drop_score}). A line
 * the angle classifier calls upside down is read both ways and the more confident reading kept (PaddleOCR turns it
 * outright, which reverses symmetric captions such as "-80%"). Sessions are thread-safe: one instance serves every
 * thread.
 */
public final class PaddleOcr implements AutoCloseable {

    /** PaddleOCR's {@code drop_score}. */
    public static final double DROP_SCORE = 0.5;
    /** Boxes whose tops are this close (pixels) count as one row, read left to right ({@code sorted_boxes}). */
    static final double SAME_ROW = 10;

    /**
     * A blank step reads as a space when the space has this much probability ({@link CtcDecoder#withSpaceThreshold}):
     * between words of condensed capitals the space gets 0.1-0.5, inside words mostly under 0.02. Chosen on generated
     * backgrounds (`bench ocr --generated`, seeds 1 and 2), not on the meme set measured in docs/model.md: word
     * accuracy 0.49 with argmax alone, 0.96 from 0.02 to 0.07, falling off from 0.1.
     */
    public static final double SPACE_THRESHOLD = 0.05;

    /** One line read: its text, mean character confidence and where it was in the image. */
    public record Line(String text, double confidence, TextBox box) {}

    private final List<OrtSession> sessions;
    private final TextDetector detector;
    private final AngleClassifier classifier;
    private final TextRecognizer recognizer;

    private PaddleOcr(List<OrtSession> sessions, TextDetector detector, AngleClassifier classifier, TextRecognizer recognizer) {
        this.sessions = sessions;
        this.detector = detector;
        this.classifier = classifier;
        this.recognizer = recognizer;
    }

    /** Opens the three models, each session with {@code threads} intra-op threads. */
    public static PaddleOcr open(PaddleModels models, int threads) throws OrtException {
        return open(models, threads, SPACE_THRESHOLD);
    }

    /** The same with another space threshold ({@code Double.POSITIVE_INFINITY}: PaddleOCR's argmax decoding). */
    public static PaddleOcr open(PaddleModels models, int threads, double spaceThreshold) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<OrtSession> opened = new ArrayList<>(3);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, threads));
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // Idle pool threads sleep rather than spin: on 2 busy cores spinning cost 255 CPU ms a meme for 5.7 images/s,
            // sleeping 166 ms for 10.1 images/s (1 thread: 142-155 ms, 6.3-8.5 images/s; bench ocr --generated 30).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession det = session(env, models.detector(), options, opened);
            OrtSession rec = session(env, models.recogniser(), options, opened);
            OrtSession cls = session(env, models.angleClassifier(), options, opened);
            return new PaddleOcr(List.copyOf(opened),
                    new TextDetector(env, det, new DbPostProcess(DbPostProcess.Thresholds.PADDLE)),
                    new AngleClassifier(env, cls), new TextRecognizer(env, rec, models.characters(),
                            new CtcDecoder(models.characters()).withSpaceThreshold(spaceThreshold)));
        } catch (OrtException | RuntimeException e) {
            for (OrtSession s : opened) closeQuietly(s);
            throw e;
        }
    }

    /** The lines in the image, in reading order. */
    public List<Line> lines(BufferedImage image) throws OrtException {
        Pixels pixels = Pixels.of(image);
        List<TextBox> boxes = readingOrder(detector.detect(pixels));
        List<Pixels> crops = new ArrayList<>(boxes.size());
        for (TextBox b : boxes) crops.add(upright(pixels, b));
        boolean[] flip = classifier.upsideDown(crops);
        List<CtcDecoder.Decoded> read = new ArrayList<>(recognizer.readAll(crops));
        // Symmetric strings ("-80%", "NOW") fool the classifier: the recogniser's confidence has the last word.
        List<Integer> flagged = new ArrayList<>();
        List<Pixels> turned = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            if (flip[i]) { flagged.add(i); turned.add(crops.get(i).rotate180()); }
        }
        List<CtcDecoder.Decoded> turnedRead = recognizer.readAll(turned);
        for (int k = 0; k < flagged.size(); k++) {
            if (turnedRead.get(k).confidence() > read.get(flagged.get(k)).confidence()) read.set(flagged.get(k), turnedRead.get(k));
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            CtcDecoder.Decoded d = read.get(i);
            if (d.confidence() >= DROP_SCORE && !d.text().isBlank()) out.add(new Line(d.text(), d.confidence(), boxes.get(i)));
        }
        return out;
    }

    /** The image's text: its lines in reading order, joined by spaces, whitespace collapsed. */
    public String read(BufferedImage image) throws OrtException {
        return lines(image).stream().map(Line::text).collect(Collectors.joining(" ")).replaceAll("\\s+", " ").strip();
    }

    /** Top to bottom by the top-left corner; boxes on one row (tops within 10 px) left to right. */
    static List<TextBox> readingOrder(List<TextBox> boxes) {
        List<TextBox> b = new ArrayList<>(boxes);
        b.sort(Comparator.<TextBox>comparingDouble(t -> t.topLeft().y()).thenComparingDouble(t -> t.topLeft().x()));
        for (int i = 0; i < b.size() - 1; i++) {
            for (int j = i; j >= 0; j--) {
                TextBox next = b.get(j + 1), cur = b.get(j);
                if (Math.abs(next.topLeft().y() - cur.topLeft().y()) < SAME_ROW && next.topLeft().x() < cur.topLeft().x()) {
                    b.set(j, next);
                    b.set(j + 1, cur);
                } else {
                    break;
                }
            }
        }
        return b;
    }

    /** The box cut out as PaddleOCR's get_rotate_crop_image: turned a quarter when 1.5 times taller than wide. */
    static Pixels upright(Pixels image, TextBox box) {
        int w = Math.max(1, (int) box.width()), h = Math.max(1, (int) box.height());
        Pixels crop = image.crop(box, w, h);
        return (double) h / w >= 1.5 ? crop.rotate90() : crop;
    }

    @Override
    public void close() {
        for (OrtSession s : sessions) closeQuietly(s);
    }

    private static OrtSession session(OrtEnvironment env, byte[] model, OrtSession.SessionOptions options,
                                      List<OrtSession> opened) throws OrtException {
        OrtSession s = env.createSession(model, options);
        opened.add(s);
        return s;
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException ignored) {
            // closing at shutdown: nothing to do about it
        }
    }
}
