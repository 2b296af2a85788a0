package com.bizcharts.learn.teacher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Google's Gemini generateContent API (v1beta), with the image as inline data. */
final class GeminiFormat implements ProviderFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public URI endpoint(String baseUrl, String model) {
        return URI.create(OpenAiFormat.stripSlash(baseUrl) + "/v1beta/models/"
                + URLEncoder.encode(model, StandardCharsets.UTF_8) + ":generateContent");
    }

    @Override
    public Map<String, String> authHeaders(String apiKey) {
        return apiKey == null || apiKey.isBlank() ? Map.of() : Map.of("x-goog-api-key", apiKey);
    }

    @Override
    public String requestBody(String model, TeacherRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("systemInstruction").putArray("parts").addObject().put("text", TeacherPrompt.SYSTEM);
        ObjectNode turn = body.putArray("contents").addObject().put("role", "user");
        ArrayNode parts = turn.putArray("parts");
        parts.addObject().put("text", TeacherPrompt.userText(request.subject(), request.text()));
        if (request.hasImage()) {
            parts.addObject().putObject("inline_data")
                    .put("mime_type", request.imageMime())
                    .put("data", Base64.getEncoder().encodeToString(request.image()));
        }
        body.putObject("generationConfig")
                .put("temperature", 0)
                .put("maxOutputTokens", 200)
                .put("responseMimeType", "application/json");
        return body.toString();
    }

    @Override
    public TeacherReply readReply(String responseBody) throws MalformedAnswerException {
        JsonNode root = OpenAiFormat.tree(responseBody);
        JsonNode usage = root.path("usageMetadata");
        long in = usage.path("promptTokenCount").asLong(0), out = usage.path("candidatesTokenCount").asLong(0);
        String blocked = root.path("promptFeedback").path("blockReason").asText(null);
        if (blocked != null) return new TeacherReply(null, "prompt blocked: " + blocked, in, out);
        JsonNode candidate = root.path("candidates").path(0);
        if (candidate.isMissingNode()) throw new MalformedAnswerException("response has no candidates", false);
        String finish = candidate.path("finishReason").asText("");
        if (finish.equals("SAFETY") || finish.equals("PROHIBITED_CONTENT") || finish.equals("BLOCKLIST")) {
            return new TeacherReply(null, "finish reason " + finish, in, out);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) text.append(part.path("text").asText(""));
        return new TeacherReply(text.toString(), null, in, out);
    }

    @Override
    public String errorMessage(String responseBody) {
        try {
            JsonNode error = JSON.readTree(responseBody).path("error");
            if (!error.isObject()) return null;
            return error.path("status").asText("ERROR") + ": " + error.path("message").asText("");
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
