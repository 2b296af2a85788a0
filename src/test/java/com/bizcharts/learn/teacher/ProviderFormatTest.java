package com.bizcharts.learn.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request and response shapes as the providers document them. */
class ProviderFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TeacherRequest post = new TeacherRequest(7, "WAGMI", "we're so back", new byte[]{1, 2, 3}, "image/jpeg");

    @Test
    void openAiSendsTextAndAnInlineImage() throws Exception {
        OpenAiFormat f = new OpenAiFormat();
        assertThat(f.endpoint("http://h/v1/", "m").toString()).isEqualTo("http://h/v1/chat/completions");
        JsonNode body = JSON.readTree(f.requestBody("gpt-4o-mini", post));
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        JsonNode content = body.path("messages").path(1).path("content");
        assertThat(content.path(0).path("text").asText()).contains("Subject: WAGMI").contains("we're so back");
        assertThat(content.path(1).path("image_url").path("url").asText())
                .isEqualTo("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(new byte[]{1, 2, 3}));
        assertThat(f.authHeaders("sk-x")).containsEntry("Authorization", "Bearer sk-x");
        assertThat(f.authHeaders(null)).isEmpty();
    }

    @Test
    void openAiRepliesRefusalsAndErrors() throws Exception {
        OpenAiFormat f = new OpenAiFormat();
        TeacherReply ok = f.readReply("""
                {"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",
                "content":"{\\"label\\":\\"bullish\\"}","refusal":null},"finish_reason":"stop"}],
                "usage":{"prompt_tokens":120,"completion_tokens":22,"total_tokens":142}}""");
        assertThat(ok.answer()).isEqualTo("{\"label\":\"bullish\"}");
        assertThat(ok.refusal()).isNull();
        assertThat(ok.inputTokens()).isEqualTo(120);
        assertThat(ok.outputTokens()).isEqualTo(22);
        TeacherReply refused = f.readReply("""
                {"choices":[{"message":{"role":"assistant","content":null,"refusal":"I can't assist with that."},
                "finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":3}}""");
        assertThat(refused.refusal()).contains("can't assist");
        assertThat(f.errorMessage("""
                {"error":{"message":"Rate limit reached for gpt-4o-mini","type":"requests","param":null,"code":"rate_limit_exceeded"}}"""))
                .isEqualTo("requests: Rate limit reached for gpt-4o-mini");
        assertThat(f.errorMessage("<html>bad gateway</html>")).isNull();
        assertThatThrownBy(() -> f.readReply("{\"choices\":[]}")).hasMessageContaining("no choices");
    }

    @Test
    void geminiSendsInlineDataAndKeyInAHeader() throws Exception {
        GeminiFormat f = new GeminiFormat();
        assertThat(f.endpoint("https://g.example", "gemini-2.0-flash").toString())
                .isEqualTo("https://g.example/v1beta/models/gemini-2.0-flash:generateContent");
        JsonNode body = JSON.readTree(f.requestBody("gemini-2.0-flash", post));
        JsonNode parts = body.path("contents").path(0).path("parts");
        assertThat(parts.path(1).path("inline_data").path("mime_type").asText()).isEqualTo("image/jpeg");
        assertThat(body.path("generationConfig").path("responseMimeType").asText()).isEqualTo("application/json");
        assertThat(f.authHeaders("k")).containsEntry("x-goog-api-key", "k");
    }

    @Test
    void geminiRepliesBlocksAndErrors() throws Exception {
        GeminiFormat f = new GeminiFormat();
        TeacherReply ok = f.readReply("""
                {"candidates":[{"content":{"parts":[{"text":"{\\"label\\":"},{"text":"\\"neutral\\"}"}],"role":"model"},
                "finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":300,"candidatesTokenCount":20,
                "totalTokenCount":320}}""");
        assertThat(ok.answer()).isEqualTo("{\"label\":\"neutral\"}");
        assertThat(ok.inputTokens()).isEqualTo(300);
        assertThat(f.readReply("{\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}").refusal()).contains("SAFETY");
        assertThat(f.readReply("{\"candidates\":[{\"finishReason\":\"SAFETY\"}]}").refusal()).contains("SAFETY");
        assertThat(f.errorMessage("""
                {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}"""))
                .isEqualTo("RESOURCE_EXHAUSTED: Resource has been exhausted (e.g. check quota).");
    }

    @Test
    void providersAreNamedAsOnTheCommandLine() {
        assertThat(TeacherProvider.of("Gemini")).isEqualTo(TeacherProvider.GEMINI);
        assertThatThrownBy(() -> TeacherProvider.of("claude")).hasMessageContaining("openai, gemini or compatible");
    }
}
