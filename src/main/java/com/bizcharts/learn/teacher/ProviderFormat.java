package com.bizcharts.learn.teacher;

import java.net.URI;
import java.util.Map;

/** How one provider's API wants a labeling request, and how to read its answers and its error bodies. */
interface ProviderFormat {

    URI endpoint(String baseUrl, String model);

    /** Headers carrying the key; the key never goes into the URL, so it cannot leak into logs of URLs. */
    Map<String, String> authHeaders(String apiKey);

    String requestBody(String model, TeacherRequest request);

    TeacherReply readReply(String responseBody) throws MalformedAnswerException;

    /** A one-line reason from an error body, or null if the body is not this provider's error format. */
    String errorMessage(String responseBody);

    static ProviderFormat of(TeacherProvider provider) {
        return provider == TeacherProvider.GEMINI ? new GeminiFormat() : new OpenAiFormat();
    }
}
