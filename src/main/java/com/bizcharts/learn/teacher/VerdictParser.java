package com.bizcharts.learn.teacher;

import com.bizcharts.store.labels.SentimentLabel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a teacher's text strictly: one JSON object with a known label, a confidence in [0, 1] and a boolean
 * sarcasm flag. Anything else is a failure with a reason; a half-right answer is never guessed into a label.
 */
final class VerdictParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Models like to wrap JSON in a Markdown fence even when told not to; that much is tolerated. */
    private static final Pattern FENCE = Pattern.compile("^```(?:json)?\\s*(.*?)\\s*```$", Pattern.DOTALL);
    private static final Pattern REFUSAL = Pattern.compile(
            "\\b(i can(?:'|no)t|i cannot|i'm unable|i am unable|i won't|sorry)\\b", Pattern.CASE_INSENSITIVE);

    private VerdictParser() {}

    static TeacherVerdict parse(TeacherReply reply) throws MalformedAnswerException {
        if (reply.refusal() != null) throw new MalformedAnswerException("refused: " + reply.refusal(), true);
        String text = reply.answer() == null ? "" : reply.answer().strip();
        Matcher fence = FENCE.matcher(text);
        if (fence.matches()) text = fence.group(1);
        if (!text.startsWith("{")) {
            boolean refused = REFUSAL.matcher(text).find();
            throw new MalformedAnswerException((refused ? "refused: " : "not a JSON object: ") + abbreviate(text), refused);
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException("invalid JSON: " + e.getOriginalMessage(), false);
        }
        if (node == null || !node.isObject()) throw new MalformedAnswerException("not a JSON object", false);
        SentimentLabel label = label(node.get("label"));
        double confidence = confidence(node.get("confidence"));
        JsonNode sarcasm = node.get("sarcasm");
        if (sarcasm == null || !sarcasm.isBoolean()) throw new MalformedAnswerException("sarcasm must be true or false", false);
        JsonNode rationale = node.get("rationale");
        String why = rationale == null || rationale.isNull() ? "" : abbreviate(rationale.asText());
        return new TeacherVerdict(label, confidence, sarcasm.booleanValue(), why);
    }

    private static SentimentLabel label(JsonNode n) throws MalformedAnswerException {
        if (n == null || !n.isTextual()) throw new MalformedAnswerException("label missing", false);
        return switch (n.asText().strip().toLowerCase(Locale.ROOT)) {
            case "bearish" -> SentimentLabel.BEARISH;
            case "neutral" -> SentimentLabel.NEUTRAL;
            case "bullish" -> SentimentLabel.BULLISH;
            default -> throw new MalformedAnswerException("unknown label '" + abbreviate(n.asText()) + "'", false);
        };
    }

    private static double confidence(JsonNode n) throws MalformedAnswerException {
        if (n == null || !n.isNumber()) throw new MalformedAnswerException("confidence must be a number", false);
        double c = n.asDouble();
        if (!(c >= 0 && c <= 1)) throw new MalformedAnswerException("confidence " + c + " outside [0, 1]", false);
        return c;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 200 ? one : one.substring(0, 200) + "…";
    }
}
