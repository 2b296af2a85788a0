package com.bizcharts.learn.eval;

import com.bizcharts.store.labels.SentimentLabel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * Accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix (rows: true label, columns:
 * predicted), in the order bearish, neutral, bullish.
 */
public record EvaluationReport(int[][] confusion) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static EvaluationReport of(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) throw new IllegalArgumentException("truth and predictions differ in length");
        int[][] c = new int[3][3];
        for (int i = 0; i < truth.length; i++) c[truth[i]][predicted[i]]++;
        return new EvaluationReport(c);
    }

    /**
     * The report back from its JSON ({@link #toJson()}, as stored in a model's metrics): the confusion matrix is all
     * it needs, every score follows from it.
     */
    public static EvaluationReport fromJson(JsonNode metrics) {
        JsonNode m = metrics == null ? null : metrics.path("confusion").path("matrix");
        if (m == null || !m.isArray() || m.size() != 3) throw new IllegalArgumentException("the metrics hold no 3x3 confusion matrix");
        int[][] c = new int[3][3];
        for (int i = 0; i < 3; i++) {
            JsonNode row = m.get(i);
            if (!row.isArray() || row.size() != 3) throw new IllegalArgumentException("confusion row " + (i + 1) + " is not 3 counts");
            for (int j = 0; j < 3; j++) {
                if (!row.get(j).canConvertToInt() || row.get(j).asInt() < 0)
                    throw new IllegalArgumentException("confusion cell " + (i + 1) + "," + (j + 1) + " is not a count");
                c[i][j] = row.get(j).asInt();
            }
        }
        return new EvaluationReport(c);
    }

    public int total() {
        int n = 0;
        for (int[] row : confusion) for (int v : row) n += v;
        return n;
    }

    public double accuracy() {
        int ok = 0;
        for (int k = 0; k < 3; k++) ok += confusion[k][k];
        return total() == 0 ? 0 : (double) ok / total();
    }

    public int support(int k) {
        int s = 0;
        for (int v : confusion[k]) s += v;
        return s;
    }

    public double precision(int k) {
        int col = 0;
        for (int[] row : confusion) col += row[k];
        return col == 0 ? 0 : (double) confusion[k][k] / col;
    }

    public double recall(int k) {
        int s = support(k);
        return s == 0 ? 0 : (double) confusion[k][k] / s;
    }

    public double f1(int k) {
        double p = precision(k), r = recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Unweighted mean of the three F1s: the rare bullish class counts as much as neutral. */
    public double macroF1() {
        return (f1(0) + f1(1) + f1(2)) / 3;
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("accuracy", round(accuracy()));
        root.put("macro_f1", round(macroF1()));
        root.put("n", total());
        ObjectNode perClass = root.putObject("per_class");
        for (SentimentLabel l : SentimentLabel.values()) {
            ObjectNode c = perClass.putObject(l.word());
            c.put("precision", round(precision(l.index())));
            c.put("recall", round(recall(l.index())));
            c.put("f1", round(f1(l.index())));
            c.put("support", support(l.index()));
        }
        ObjectNode conf = root.putObject("confusion");
        ArrayNode labels = conf.putArray("labels");
        for (SentimentLabel l : SentimentLabel.values()) labels.add(l.word());
        ArrayNode rows = conf.putArray("matrix");
        for (int[] row : confusion) {
            ArrayNode r = rows.addArray();
            for (int v : row) r.add(v);
        }
        return root;
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "posts     %d%naccuracy  %.4f%nmacro-F1  %.4f%n%n", total(), accuracy(), macroF1()));
        sb.append(String.format(Locale.ROOT, "%-9s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support"));
        for (SentimentLabel l : SentimentLabel.values()) {
            int k = l.index();
            sb.append(String.format(Locale.ROOT, "%-9s %9.4f %9.4f %9.4f %8d%n", l.word(), precision(k), recall(k), f1(k), support(k)));
        }
        sb.append(String.format(Locale.ROOT, "%nconfusion (rows true, columns predicted)%n%-9s %8s %8s %8s%n", "", "bearish", "neutral", "bullish"));
        for (SentimentLabel l : SentimentLabel.values()) {
            int[] row = confusion[l.index()];
            sb.append(String.format(Locale.ROOT, "%-9s %8d %8d %8d%n", l.word(), row[0], row[1], row[2]));
        }
        return sb.toString();
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
