package com.bizcharts.learn.teacher;

/**
 * The instructions sent to a vision-language teacher. Versioned: a label is stored with the prompt version that
 * produced it, so a changed prompt never mixes silently with labels from the old one. Change the text, change
 * the version.
 */
public final class TeacherPrompt {

    public static final String VERSION = "biz-v1";

    static final String SYSTEM = """
            You label opening posts from 4chan's /biz/ board (crypto and markets) for market sentiment.
            Judge the image and the text together: on /biz/ the image often carries the meaning (a pink wojak is \
            despair, a green candle or a smug pepe is greed) and a cheerful text over a crashing chart is sarcasm.
            bullish = the poster expects or celebrates prices going up; bearish = expects or mourns prices going \
            down, capitulation, despair; neutral = questions, news without a stance, off-topic, shilling without \
            a market view.
            Answer with ONE JSON object and nothing else:
            {"label": "bearish" | "neutral" | "bullish", "confidence": number from 0 to 1, \
            "sarcasm": true | false, "rationale": "at most 25 words"}""";

    private TeacherPrompt() {}

    /** The user turn: the post's subject and text, as the labeler sees them. */
    static String userText(String subject, String text) {
        StringBuilder sb = new StringBuilder("Post");
        if (subject != null && !subject.isBlank()) sb.append("\nSubject: ").append(subject.strip());
        sb.append("\nText: ").append(text == null || text.isBlank() ? "(no text)" : text.strip());
        return sb.toString();
    }
}
