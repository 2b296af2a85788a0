package com.bizcharts.sentiment.ocr.paddle;

/**
 * Greedy CTC decoding as PaddleOCR's {@code CTCLabelDecode}: the most probable class at each time step, repeats of the
 * previous step merged, blanks (class 0) dropped; the confidence is the mean probability of the kept steps (0 when none).
 * <p>
 * One optional departure, {@link #withSpaceThreshold}: a blank step whose space probability reaches the threshold
 * reads as a space. PP-OCRv4's Chinese-and-English recogniser puts the narrow gaps of condensed capitals (Impact,
 * Anton) on the blank with the space a close second (0.1-0.5), so argmax alone runs meme words together
 * ("RATESSTABLECOIN"). Such spaces do not count in the confidence, and leading, trailing and doubled spaces are
 * dropped.
 */
public final class CtcDecoder {

    /** One line's text and its mean character confidence. */
    public record Decoded(String text, double confidence) {}

    private final CharacterList characters;
    private final double spaceThreshold;

    /** PaddleOCR's decoding, argmax only. */
    public CtcDecoder(CharacterList characters) {
        this(characters, Double.POSITIVE_INFINITY);
    }

    private CtcDecoder(CharacterList characters, double spaceThreshold) {
        this.characters = characters;
        this.spaceThreshold = spaceThreshold;
    }

    /** The same decoder reading a blank step as a space when the space has at least {@code threshold}. */
    public CtcDecoder withSpaceThreshold(double threshold) {
        return new CtcDecoder(characters, threshold);
    }

    /**
     * Decodes one sequence: {@code probs} holds {@code steps} rows of {@link CharacterList#classes()} probabilities each,
     * starting at {@code offset}.
     */
    public Decoded decode(float[] probs, int offset, int steps) {
        int classes = characters.classes();
        if (probs.length < offset + (long) steps * classes) {
            throw new IllegalArgumentException("expected " + steps + " x " + classes + " probabilities from " + offset
                    + ", got " + (probs.length - offset));
        }
        int space = classes - 1;
        StringBuilder text = new StringBuilder();
        double sum = 0;
        int kept = 0, previous = -1;
        for (int t = 0; t < steps; t++) {
            int row = offset + t * classes, best = 0;
            float bestP = probs[row];
            for (int c = 1; c < classes; c++) {
                if (probs[row + c] > bestP) { bestP = probs[row + c]; best = c; }
            }
            if (best == CharacterList.BLANK && probs[row + space] >= spaceThreshold) {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') text.append(' ');
                previous = space;
                continue;
            }
            if (best != CharacterList.BLANK && best != previous) {
                text.append(characters.symbol(best));
                sum += bestP;
                kept++;
            }
            previous = best;
        }
        return new Decoded(spaceThreshold == Double.POSITIVE_INFINITY ? text.toString() : text.toString().strip(),
                kept == 0 ? 0 : sum / kept);
    }
}
