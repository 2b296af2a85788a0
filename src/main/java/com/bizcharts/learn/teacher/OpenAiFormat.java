package com.bizcharts.learn.teacher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Base64;
import java.util.Map;

/** OpenAI's chat-completions API (also spoken by vLLM, Ollama and llama.cpp servers). */
final class OpenAiFormat implements ProviderFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public URI endpoint(String baseUrl, String model) {
        return URI.create(stripSlash(baseUrl) + "/chat/completions");
    }

    @Override
    public Map<String, String> authHeaders(String apiKey) {
        return apiKey == null || apiKey.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }

    @Override
    public String requestBody(String model, TeacherRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("temperature", 0);
        body.put("max_tokens", 200);
        body.putObject("response_format").put("type", "json_object");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", TeacherPrompt.SYSTEM);
        ObjectNode user = messages.addObject().put("role", "user");
        ArrayNode content = user.putArray("content");
        content.addObject().put("type", "text").put("text", TeacherPrompt.userText(request.subject(), request.text()));
        if (request.hasImage()) {
            String url = "data:" + request.imageMime() + ";base64," + Base64.getEncoder().encodeToString(request.image());
            // "low" detail: a 250 px thumbnail gains nothing from tiling and costs a fixed 85 tokens.
            content.addObject().put("type", "image_url").putObject("image_url").put("url", url).put("detail", "low");
        }
        return body.toString();
    }

    @Override
    public TeacherReply readReply(String responseBody) throws MalformedAnswerException {
        JsonNode root = tree(responseBody);
        JsonNode choice = root.path("choices").path(0);
        if (choice.isMissingNode()) throw new MalformedAnswerException("response has no choices", false);
        JsonNode message = choice.path("message");
        JsonNode usage = root.path("usage");
        long in = usage.path("prompt_tokens").asLong(0), out = usage.path("completion_tokens").asLong(0);
        String refusal = message.path("refusal").isTextual() ? message.path("refusal").asText() : null;
        if (refusal == null && "content_filter".equals(choice.path("finish_reason").asText())) refusal = "content_filter";
        String content = message.path("content").isTextual() ? message.path("content").asText() : null;
        return new TeacherReply(content, refusal, in, out);
    }

    @Override
    public String errorMessage(String responseBody) {
        try {
            JsonNode error = JSON.readTree(responseBody).path("error");
            if (!error.isObject()) return null;
            String type = error.path("type").asText(error.path("code").asText(""));
            return (type.isEmpty() ? "" : type + ": ") + error.path("message").asText("");
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static JsonNode tree(String body) throws MalformedAnswerException {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException("response is not JSON: " + e.getOriginalMessage(), false);
        }
    }

    static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
