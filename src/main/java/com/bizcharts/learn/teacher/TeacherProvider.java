package com.bizcharts.learn.teacher;

import java.util.Locale;

/**
 * The vision-LLM APIs a teacher can speak. {@code COMPATIBLE} is any server with OpenAI's chat-completions API
 * (vLLM, Ollama, llama.cpp, a pod serving our own adapter), so it needs a base URL and maybe no key.
 */
public enum TeacherProvider {
    OPENAI("https://api.openai.com/v1", "OPENAI_API_KEY", "gpt-4o-mini"),
    GEMINI("https://generativelanguage.googleapis.com", "GEMINI_API_KEY", "gemini-2.0-flash"),
    COMPATIBLE("http://127.0.0.1:8000/v1", "BIZCHARTS_TEACHER_API_KEY", "local-vlm");

    private final String defaultBaseUrl;
    private final String keyVariable;
    private final String defaultModel;

    TeacherProvider(String defaultBaseUrl, String keyVariable, String defaultModel) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyVariable = keyVariable;
        this.defaultModel = defaultModel;
    }

    public String defaultBaseUrl() { return defaultBaseUrl; }

    /** The environment variable (or keyring entry) holding this provider's key. */
    public String keyVariable() { return keyVariable; }

    public String defaultModel() { return defaultModel; }

    public boolean keyRequired() { return this != COMPATIBLE; }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static TeacherProvider of(String id) {
        for (TeacherProvider p : values()) if (p.id().equalsIgnoreCase(id.strip())) return p;
        throw new IllegalArgumentException("unknown provider '" + id + "': use openai, gemini or compatible");
    }
}
