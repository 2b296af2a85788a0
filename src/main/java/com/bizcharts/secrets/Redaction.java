package com.bizcharts.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text that came from a server (an error body, a model's rationale) before it is printed,
 * logged or stored. Servers do echo keys: OpenAI's 401 quotes the key it was given, proxies echo the Authorization
 * header. So the key we sent is removed wherever it appears, and so is anything shaped like a key, since a server
 * may echo a different one (a key from another account, a rotated one) that we cannot know.
 */
public final class Redaction {

    public static final String MARK = "[redacted]";

    /** Known secrets shorter than this are not searched for: replacing "a" everywhere would garble the text. */
    private static final int MIN_KNOWN = 6;

    private static final List<Pattern> SHAPES = List.of(
            // "Bearer <token>" as echoed from an Authorization header
            Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{6,}"),
            // key=value / "api_key": "value" forms; the name stays so the reader knows what was there
            Pattern.compile("(?i)\\b(api[_-]?key|x-api-key|access[_-]?token|auth[_-]?token|secret|password|passphrase|token)"
                    + "(\"?'?\\s*[:=]\\s*\"?'?)[^\\s\"'&,;}\\\\]+"),
            // OpenAI-style (sk-..., sk-proj-...), RunPod (rpa_...), Google (AIza...), GitHub and Slack tokens
            Pattern.compile("(?<![A-Za-z0-9])(sk|rpa)[-_][A-Za-z0-9_-]{6,}"),
            Pattern.compile("(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{20,}"),
            Pattern.compile("(?<![A-Za-z0-9])(gh[pousr]|xox[abpr])[_-][A-Za-z0-9_-]{10,}"),
            // long hex or base64-ish runs with a digit in them (a bare key); long words and kebab names are spared
            Pattern.compile("(?<![A-Za-z0-9+/_-])(?=[A-Za-z0-9+/_-]*[0-9])[A-Za-z0-9+/_-]{32,}={0,2}"));

    private Redaction() {}

    /** The text with the given secrets and anything key-shaped replaced by {@value #MARK}; null stays null. */
    public static String redact(String text, String... known) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String k : known) {
            if (k != null && k.strip().length() >= MIN_KNOWN) out = out.replace(k.strip(), MARK);
        }
        for (int i = 0; i < SHAPES.size(); i++) {
            Matcher m = SHAPES.get(i).matcher(out);
            // the Bearer and key=value shapes keep their first words, so "Bearer [redacted]" still reads
            out = switch (i) {
                case 0 -> m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + " " + MARK));
                case 1 -> m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + MARK));
                default -> m.replaceAll(Matcher.quoteReplacement(MARK));
            };
        }
        return out;
    }
}
