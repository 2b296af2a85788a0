package com.bizcharts.cli;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.sentiment.fusion.SignalSource;
import com.bizcharts.sentiment.ocr.ImageText;
import com.bizcharts.sentiment.ocr.OcrSignal;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sentiment "TEXT" [--image FILE [--ocr]] [--board [--posted-at T]] [--json]}: scores one post on the spot,
 * with the ONNX signals named in settings. With {@code --board} it also reads the database, as scoring stored posts
 * does: the image's repost neighbours among labeled thumbnails and the board's mood in the hours before the post.
 * Without it no database is opened (or created).
 */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Score one post's text (and image) with the active model, plus the lexicon's own scores.")
public final class SentimentCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    BizchartsCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEXT", description = "the post's text")
    String text;

    @Option(names = "--subject", paramLabel = "TEXT", description = "the post's subject")
    String subject = "";

    @Option(names = "--image", paramLabel = "FILE", description = "the post's image (thumbnail)")
    Path image;

    @Option(names = "--model", paramLabel = "DIR", description = "model directory (default: the model active in the database, else models/default or the bundled copy)")
    Path model;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--ocr", description = "with --image: read the image's text with the [ocr] engine and fuse it as the ocr signal")
    boolean ocr;

    @Option(names = "--board", description = "also read the database (--db): the image's repost neighbours among labeled"
            + " thumbnails and the board's mood in the hours before the post")
    boolean board;

    @Option(names = "--posted-at", paramLabel = "TIME", description = "with --board: when the post was made"
            + " (ISO-8601 UTC, e.g. 2026-11-30T14:00:00Z; default now)")
    Instant postedAt;

    /**
     * {@code --model DIR}, else the model active in the database when there is one (what scores the dashboard), else
     * the shipped default. Without a database file none is created: the default answers.
     */
    private SentimentModel chooseModel() {
        ModelLoader loader = new ModelLoader(root.settings().paths().activeModelPath(), root.signals());
        if (model != null) return loader.withSignals(loader.load(model.toAbsolutePath().toString()));
        if (Files.isRegularFile(root.settings().paths().databasePath())) {
            var active = root.engine().scoring().activeModel().get();
            if (board || active.problem() != null) return active.model();
            // without --board the post is read on its own: the same model, without the signals that read the store
            return root.engine().scoring().models().find(active.registryId()).map(r -> loader.scoring(loader.load(r))).orElse(active.model());
        }
        return loader.withSignals(loader.defaultModel());
    }

    @Override
    public void run() {
        // an empty post has no sentiment to find: without this the model's prior (bearish 0.45) came back as an answer
        if (text.isBlank() && subject.isBlank() && image == null) {
            throw new IllegalArgumentException("nothing to score: TEXT is empty (give the post's text, a --subject or an --image)");
        }
        if (image != null && !Files.exists(image)) throw new IllegalArgumentException("image not found: " + image);
        if (ocr && image == null) throw new IllegalArgumentException("--ocr needs --image");
        if (postedAt != null && !board) throw new IllegalArgumentException("--posted-at needs --board");
        if (board) {
            Path dbFile = root.settings().paths().databasePath();
            if (!Files.isRegularFile(dbFile)) throw new IllegalArgumentException("no database at " + dbFile + " for --board");
            root.engine(); // its signals read the store
        }
        SentimentModel chosen = chooseModel();
        if (ocr) {
            if (!(chosen instanceof EmbeddedModel)) throw new IllegalArgumentException("--ocr needs an embedded model; "
                    + chosen.id() + " reads the image itself (choose one with --model DIR)");
            var o = root.settings().ocr();
            ImageText reader = ImageText.of(o.engine(), o.datapathPath(), o.language());
            if (!reader.enabled()) throw new IllegalStateException("OCR is unavailable: " + reader.disabledReason());
            EmbeddedModel e = (EmbeddedModel) chosen;
            List<SignalSource> further = new ArrayList<>(e.signals());
            further.add(OcrSignal.live(reader, root.signals().lexicon()));
            chosen = e.withSignals(further);
        }
        SentimentModel m = chosen;
        Instant when = board ? (postedAt != null ? postedAt : Instant.now()) : null;
        Prediction p = m.predict(new PostInput(0, subject, text, image, 0, when));
        String full = subject.isBlank() ? text : subject + "\n" + text;
        LexiconReading lexicon = root.signals().lexicon().read(full);
        Map<String, Double> vader = root.signals().vader() == null ? null : root.signals().vader().apply(full);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("model", p.modelId());
            o.put("label", p.label().word());
            o.put("score", p.score());
            o.put("confidence", p.confidence());
            ObjectNode probs = o.putObject("probabilities");
            for (SentimentLabel l : SentimentLabel.values()) probs.put(l.word(), p.probability(l));
            o.put("sarcasm", p.sarcasm());
            o.put("literal", p.literal().word());
            o.put("inferred", p.inferred().word());
            o.put("image_status", p.imageStatus().name().toLowerCase(Locale.ROOT));
            o.put("image_used", p.imageUsed());
            p.drivers().forEach(o.putArray("drivers")::add);
            if (vader == null) {
                o.putNull("vader");
            } else {
                ObjectNode v = o.putObject("vader");
                vader.forEach(v::put);
            }
            ObjectNode lex = o.putObject("lexicon");
            lex.put("compound", lexicon.compound());
            lex.put("pos", lexicon.positive());
            lex.put("neg", lexicon.negative());
            lex.put("slang_bullish", lexicon.bullishHits());
            lex.put("slang_bearish", lexicon.bearishHits());
            w.println(o.toString());
        } else {
            w.printf(Locale.ROOT, "label        %s (confidence %.2f)%n", p.label().word(), p.confidence());
            w.printf(Locale.ROOT, "score        %+.3f%n", p.score());
            w.printf(Locale.ROOT, "probabilities bearish %.3f  neutral %.3f  bullish %.3f%n",
                    p.probabilities()[0], p.probabilities()[1], p.probabilities()[2]);
            w.printf(Locale.ROOT, "sarcasm      %.2f  (literal %s, inferred %s)%n", p.sarcasm(), p.literal().word(), p.inferred().word());
            w.printf(Locale.ROOT, "image        %s%n", p.imageStatus().name().toLowerCase(Locale.ROOT));
            w.printf(Locale.ROOT, "drivers      %s%n", String.join("; ", p.drivers()));
            w.printf(Locale.ROOT, "vader        %s%n", vader == null ? "(not available: the VADER lexicon is not wired in this build)" : vader);
            w.printf(Locale.ROOT, "lexicon      compound %+.3f  pos %.3f  neg %.3f  slang bullish %d  bearish %d%n",
                    lexicon.compound(), lexicon.positive(), lexicon.negative(), lexicon.bullishHits(), lexicon.bearishHits());
            w.printf(Locale.ROOT, "model        %s%n", p.modelId());
        }
        w.flush();
    }
}
