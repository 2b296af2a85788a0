package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.sentiment.fusion.FusionWeights;
import com.bizcharts.sentiment.fusion.SignalFusion;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves and loads an embedded model directory: {@code metadata.json}, {@code vocabulary.tsv} (terms and idf),
 * {@code text-model.bin}, {@code calibrator.bin} and, when labeled thumbnails trained one, {@code image-model.bin}
 * (weights as big-endian doubles, so a round trip is exact).
 */
public final class EmbeddedModelFormat {

    static final String VOCABULARY = "vocabulary.tsv";
    static final String TEXT_MODEL = "text-model.bin";
    static final String CALIBRATOR = "calibrator.bin";
    static final String IMAGE_MODEL = "image-model.bin";
    private static final int MAGIC = 0x42495a31; // "BIZ1"
    /** text-model.bin of a model with a sentence encoder: the encoder's name, weight and dimension follow. */
    private static final int MAGIC_ENCODER = 0x42495a32; // "BIZ2"

    private EmbeddedModelFormat() {}

    public static void save(EmbeddedModel model, Path dir) {
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(dir.resolve(VOCABULARY), StandardCharsets.UTF_8)) {
                model.textModel().vocabulary().write(w);
            }
            try (DataOutputStream out = data(dir.resolve(TEXT_MODEL))) {
                TextEncoder encoder = model.textModel().encoder();
                out.writeInt(encoder == null ? MAGIC : MAGIC_ENCODER);
                out.writeDouble(model.textModel().traitWeight());
                out.writeBoolean(model.textModel().subjectTerms());
                if (encoder != null) {
                    out.writeUTF(encoder.name());
                    out.writeDouble(model.textModel().encoderWeight());
                    out.writeInt(encoder.dimension());
                }
                model.textModel().classifier().write(out);
            }
            try (DataOutputStream out = data(dir.resolve(CALIBRATOR))) {
                out.writeInt(MAGIC);
                model.calibrator().write(out);
            }
            Files.deleteIfExists(dir.resolve(IMAGE_MODEL));
            if (model.imageClassifier() != null) {
                try (DataOutputStream out = data(dir.resolve(IMAGE_MODEL))) {
                    out.writeInt(MAGIC);
                    model.imageClassifier().write(out);
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(ModelMetadata.FILE), StandardCharsets.UTF_8)) {
                w.write(model.metadata().toJson());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a model; a directory that is not a model, or a damaged file, gives an IllegalArgumentException with the
     * reason (bad input, not a crash).
     */
    public static EmbeddedModel load(ModelFiles files, LexiconReading.Source lexicon, ImageReading.Source images) {
        return load(files, lexicon, images, TextEncoder.Source.none());
    }

    /** @param encoders where a model that names a sentence encoder finds it */
    public static EmbeddedModel load(ModelFiles files, LexiconReading.Source lexicon, ImageReading.Source images,
                                     TextEncoder.Source encoders) {
        try {
            if (!files.exists(ModelMetadata.FILE))
                throw new IllegalArgumentException("not a model directory (no metadata.json): " + files.location());
            ModelMetadata metadata;
            try (InputStream in = files.open(ModelMetadata.FILE)) {
                metadata = ModelMetadata.read(in);
            }
            if (!EmbeddedModel.KIND.equals(metadata.kind()))
                throw new IllegalArgumentException("model kind is '" + metadata.kind() + "', not embedded: " + files.location());
            TfidfVocabulary vocabulary;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(files.open(VOCABULARY), StandardCharsets.UTF_8))) {
                vocabulary = TfidfVocabulary.read(r);
            }
            NgramTextModel text;
            try (DataInputStream in = data(files.open(TEXT_MODEL))) {
                int magic = in.readInt();
                if (magic != MAGIC && magic != MAGIC_ENCODER) throw new IOException(TEXT_MODEL + " is not a BizCharts model file");
                double traitWeight = in.readDouble();
                boolean subjectTerms = in.readBoolean();
                TextEncoder encoder = null;
                double encoderWeight = 0;
                if (magic == MAGIC_ENCODER) {
                    String name = in.readUTF();
                    encoderWeight = in.readDouble();
                    int dimension = in.readInt();
                    encoder = encoders.find(name);
                    if (encoder.dimension() != dimension) throw new IllegalArgumentException("model " + files.location()
                            + " was trained on " + dimension + "-dimensional " + name + " vectors, the encoder here gives "
                            + encoder.dimension());
                }
                text = new NgramTextModel(vocabulary, new PostTraits(lexicon), traitWeight, subjectTerms,
                        LinearClassifier.read(in), encoder, encoderWeight);
            }
            ProbabilityCalibrator calibrator;
            try (DataInputStream in = data(files.open(CALIBRATOR))) {
                magic(in, CALIBRATOR);
                calibrator = ProbabilityCalibrator.read(in);
            }
            LinearClassifier imageClassifier = null;
            if (files.exists(IMAGE_MODEL)) {
                try (DataInputStream in = data(files.open(IMAGE_MODEL))) {
                    magic(in, IMAGE_MODEL);
                    imageClassifier = LinearClassifier.read(in);
                }
            }
            FusionWeights weights = metadata.fusion() == null ? FusionWeights.prototype() : metadata.fusion();
            return new EmbeddedModel(metadata, text, calibrator, images, new SignalFusion(weights), imageClassifier);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) throw iae;
            throw new IllegalArgumentException("cannot load model from " + files.location() + ": " + e.getMessage(), e);
        }
    }

    private static void magic(DataInputStream in, String name) throws IOException {
        if (in.readInt() != MAGIC) throw new IOException(name + " is not a BizCharts model file");
    }

    private static DataOutputStream data(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
    }

    private static DataInputStream data(InputStream in) {
        return new DataInputStream(new BufferedInputStream(in));
    }
}
