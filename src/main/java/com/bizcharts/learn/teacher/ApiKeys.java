package com.bizcharts.learn.teacher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where API keys come from: the environment first, then the desktop keyring through {@code secret-tool}
 * (libsecret; entries stored with {@code secret-tool store --label=... service bizcharts key OPENAI_API_KEY}).
 * Keys are never read from settings files or the database, and are never part of a message or a log line.
 */
public final class ApiKeys {

    private final Map<String, String> environment;
    private final boolean useKeyring;

    public ApiKeys(Map<String, String> environment, boolean useKeyring) {
        this.environment = environment;
        this.useKeyring = useKeyring;
    }

    public static ApiKeys system() {
        return new ApiKeys(System.getenv(), true);
    }

    public Optional<String> find(String name) {
        String v = environment.get(name);
        if (v != null && !v.isBlank()) return Optional.of(v.strip());
        return useKeyring ? keyring(name) : Optional.empty();
    }

    private static Optional<String> keyring(String name) {
        try {
            Process p = new ProcessBuilder("secret-tool", "lookup", "service", "bizcharts", "key", name)
                    .redirectErrorStream(false).start();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no secret-tool on this machine: the environment is the only source
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
