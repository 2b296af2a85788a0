package com.bizcharts.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback server speaking RunPod's REST v1 JSON for pods: create, get (the SSH port appears after a few
 * reads, as on the real service), list, stop, delete; 401 without the right bearer key.
 */
public final class FakeRunPod implements AutoCloseable {

    public static final String KEY = "rp-test-key-123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    public final Map<String, ObjectNode> pods = new LinkedHashMap<>();
    public final List<JsonNode> created = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    int readsUntilSsh = 2;
    /** The SSH port a pod maps once ready (a loopback SSH server's, for end-to-end tests). */
    public int sshPort = 2222;
    boolean neverReady;
    String failCreate;

    public FakeRunPod() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/pods", this::handle);
        server.start();
    }

    public URI base() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"); }

    public ObjectNode addPod(String id, String name) {
        ObjectNode p = JSON.createObjectNode().put("id", id).put("name", name).put("desiredStatus", "RUNNING")
                .put("costPerHr", 0.69);
        p.putObject("portMappings");
        pods.put(id, p);
        return p;
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath().substring("/v1/pods".length());
        calls.add(method + " " + path);
        if (!("Bearer " + KEY).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            reply(ex, 401, "{\"error\":\"unauthorized\"}");
            return;
        }
        String id = path.length() > 1 ? path.substring(1).replace("/stop", "") : null;
        if (method.equals("POST") && id == null) {
            JsonNode body = JSON.readTree(ex.getRequestBody());
            created.add(body);
            if (failCreate != null) {
                reply(ex, 500, "{\"error\":\"" + failCreate + "\"}");
                return;
            }
            ObjectNode pod = addPod("pod" + created.size(), body.path("name").asText());
            pod.putObject("machine").put("gpuTypeId", body.path("gpuTypeIds").get(0).asText());
            reply(ex, 201, pod.toString());
        } else if (method.equals("GET") && id == null) {
            ArrayNode all = JSON.createArrayNode();
            pods.values().forEach(all::add);
            reply(ex, 200, all.toString());
        } else if (!pods.containsKey(id)) {
            reply(ex, 404, "{\"error\":\"pod not found\"}");
        } else if (method.equals("GET")) {
            ObjectNode pod = pods.get(id);
            if (!neverReady && --readsUntilSsh <= 0) {
                pod.put("publicIp", "127.0.0.1");
                ((ObjectNode) pod.get("portMappings")).put("22", sshPort);
            }
            reply(ex, 200, pod.toString());
        } else if (method.equals("POST") && path.endsWith("/stop")) {
            pods.get(id).put("desiredStatus", "EXITED");
            reply(ex, 200, pods.get(id).toString());
        } else if (method.equals("DELETE")) {
            pods.remove(id);
            reply(ex, 204, "");
        } else {
            reply(ex, 405, "{\"error\":\"method not allowed\"}");
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
