package com.bizcharts.learn.teacher;

/**
 * A rough price of an autolabel run, printed before it starts so nobody spends money by accident. Token counts
 * are estimates (text at ~4 characters a token, a low-detail thumbnail at a fixed count); prices are per million
 * tokens and come from settings because providers change them.
 */
public record CostEstimate(long posts, long inputTokens, long outputTokens, double dollars) {

    /** OpenAI bills a low-detail image at 85 tokens; Gemini counts an image as 258. */
    static long imageTokens(TeacherProvider provider) {
        return provider == TeacherProvider.GEMINI ? 258 : 85;
    }

    static final long OUTPUT_TOKENS_PER_POST = 60;

    public static CostEstimate of(TeacherProvider provider, long posts, long textCharacters, long postsWithImage,
                                  double inputPerMillion, double outputPerMillion) {
        long promptTokens = TeacherPrompt.SYSTEM.length() / 4 + 20;
        long in = posts * promptTokens + textCharacters / 4 + postsWithImage * imageTokens(provider);
        long out = posts * OUTPUT_TOKENS_PER_POST;
        return new CostEstimate(posts, in, out, dollars(in, out, inputPerMillion, outputPerMillion));
    }

    public static double dollars(long in, long out, double inputPerMillion, double outputPerMillion) {
        return in / 1e6 * inputPerMillion + out / 1e6 * outputPerMillion;
    }
}
