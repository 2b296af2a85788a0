package com.bizcharts.remote;

import com.bizcharts.secrets.KeyTransport;
import com.bizcharts.secrets.Redaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RunPod's REST API (v1): create, read, list, stop and delete pods. The bearer key is held only in memory and is
 * never part of an exception message or a log line; error messages are built from the status and RunPod's text, with
 * the key (and anything shaped like one) redacted, since an API may echo it. The key goes only over https, or plain http
 * to the loopback (a test server), unless the {@link KeyTransport} allows more.
 */
public final class RunPodClient {

    /** The environment variable (or keyring entry) holding the key. */
    public static final String KEY = "RUNPOD_API_KEY";

    /** What we ask for: one GPU of a type, a pinned image, a persistent volume at /workspace, SSH exposed. */
    public record PodRequest(String name, String gpuTypeId, String image, int volumeGb, int containerDiskGb,
                             Map<String, String> env) {}

    /** A pod as RunPod reports it; ssh host/port are null until the port is mapped. */
    public record Pod(String id, String name, String desiredStatus, Double costPerHour, String gpuTypeId,
                      String publicIp, Integer sshPort) {
        public boolean sshReady() { return publicIp != null && !publicIp.isBlank() && sshPort != null; }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final Duration timeout;

    public RunPodClient(URI base, String apiKey, Duration timeout) {
        this(base, apiKey, timeout, KeyTransport.STRICT);
    }

    /** @throws IllegalArgumentException without a key, or when {@code transport} forbids sending it to {@code base} */
    public RunPodClient(URI base, String apiKey, Duration timeout, KeyTransport transport) {
        if (apiKey == null || apiKey.isBlank())
            throw new IllegalArgumentException(KEY + " is not set (environment or keyring)");
        transport.check(base, apiKey, KEY);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    public Pod create(PodRequest r) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", r.name()).put("imageName", r.image()).put("gpuCount", 1)
                .put("volumeInGb", r.volumeGb()).put("containerDiskInGb", r.containerDiskGb())
                .put("volumeMountPath", "/workspace").put("cloudType", "SECURE");
        body.putArray("gpuTypeIds").add(r.gpuTypeId());
        body.putArray("ports").add("22/tcp");
        ObjectNode env = body.putObject("env");
        r.env().forEach(env::put);
        return pod(send("POST", "/pods", body.toString()));
    }

    public Pod get(String podId) {
        return pod(send("GET", "/pods/" + podId, null));
    }

    public List<Pod> list() {
        JsonNode n = send("GET", "/pods", null);
        List<Pod> pods = new ArrayList<>();
        (n.isArray() ? n : n.path("pods")).forEach(p -> pods.add(pod(p)));
        return pods;
    }

    public void stop(String podId) {
        send("POST", "/pods/" + podId + "/stop", "");
    }

    public void terminate(String podId) {
        send("DELETE", "/pods/" + podId, null);
    }

    static Pod pod(JsonNode n) {
        JsonNode ports = n.path("portMappings");
        Integer ssh = ports.has("22") ? Integer.valueOf(ports.get("22").asInt()) : null;
        String gpu = n.path("machine").path("gpuTypeId").asText(n.path("gpu").path("id").asText(null));
        return new Pod(n.path("id").asText(), n.path("name").asText(""), n.path("desiredStatus").asText(""),
                n.path("costPerHr").isNumber() ? n.path("costPerHr").asDouble() : null, gpu,
                n.path("publicIp").isTextual() ? n.path("publicIp").asText() : null, ssh);
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Authorization", "Bearer " + apiKey).header("Accept", "application/json");
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> res;
        try {
            res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RemoteException(Redaction.redact("RunPod API unreachable (" + method + " " + path + "): " + e.getMessage(), apiKey));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("interrupted while calling RunPod");
        }
        if (res.statusCode() / 100 != 2) {
            throw new RemoteException("RunPod API " + method + " " + path + ": HTTP " + res.statusCode() + " "
                    + reason(Redaction.redact(res.body(), apiKey))); // redacted before it is cut short, so no half key slips out
        }
        try {
            return res.body() == null || res.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(res.body());
        } catch (IOException e) {
            throw new RemoteException("RunPod API " + method + " " + path + ": malformed JSON in the answer");
        }
    }

    private static String reason(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            String msg = n.path("error").asText(n.path("message").asText(""));
            if (!msg.isBlank()) return msg.length() > 300 ? msg.substring(0, 300) : msg;
        } catch (IOException | RuntimeException ignored) {
            // not JSON: fall through to the raw text
        }
        String t = body == null ? "" : body.strip();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }
}
