package com.bizcharts.index.prices;

import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One loopback server speaking CoinGecko's market_chart/range, Binance's klines and CoinMarketCap's
 * quotes/historical, in each provider's real response shape, over a made-up but deterministic price path. Faults
 * queued per provider ("coingecko", "binance", "coinmarketcap") are answered before the real data.
 */
public final class FakePriceApis implements AutoCloseable {

    public final LoopbackServer server;
    public final Map<String, Deque<Reply>> faults = new HashMap<>();
    public final Map<String, Integer> calls = new HashMap<>();
    private final Set<String> geckoIds = Set.of("bitcoin", "ethereum", "monero");
    private final Set<String> binanceSymbols = Set.of("BTCUSDT", "ETHUSDT");

    public FakePriceApis() {
        server = new LoopbackServer(this::answer);
    }

    /** The made-up price at a time: a slow wave around 100,000 with a faster ripple. */
    public static double price(long epochSeconds) {
        double days = epochSeconds / 86400.0;
        return 100_000 * (1 + 0.1 * Math.sin(days / 5)) * (1 + 0.01 * Math.sin(days * 7));
    }

    public void fault(String provider, Reply reply) {
        faults.computeIfAbsent(provider, k -> new ArrayDeque<>()).add(reply);
    }

    public String base() {
        return server.base();
    }

    private synchronized Reply answer(LoopbackServer.Seen req) {
        String provider = req.path().startsWith("/api/v3/coins/") ? "coingecko" : req.path().startsWith("/api/v3/klines") ? "binance"
                : req.path().startsWith("/v2/cryptocurrency/") ? "coinmarketcap" : "other";
        calls.merge(provider, 1, Integer::sum);
        Deque<Reply> queued = faults.get(provider);
        if (queued != null && !queued.isEmpty()) return queued.poll();
        Map<String, String> q = query(req.query());
        return switch (provider) {
            case "coingecko" -> gecko(req.path(), q);
            case "binance" -> klines(q);
            case "coinmarketcap" -> cmc(q, req.header("X-CMC_PRO_API_KEY"));
            default -> Reply.of(404, "");
        };
    }

    private Reply gecko(String path, Map<String, String> q) {
        String id = path.split("/")[4];
        if (!geckoIds.contains(id)) return Reply.of(404, "{\"error\":\"coin not found\"}");
        long from = Long.parseLong(q.get("from")), to = Long.parseLong(q.get("to"));
        long step = to - from > 90 * 86400L ? 86400 : 3600;
        StringBuilder prices = new StringBuilder(), caps = new StringBuilder(), vols = new StringBuilder();
        // Hourly samples land a few seconds after the hour, as CoinGecko's do; daily ones exactly at midnight.
        for (long t = from - from % step + (step == 3600 ? 41 : 0); t <= to; t += step) {
            if (t < from) continue;
            String ms = Long.toString(t * 1000 + (step == 3600 ? 117 : 0));
            sep(prices).append('[').append(ms).append(',').append(price(t)).append(']');
            sep(caps).append('[').append(ms).append(',').append(price(t) * 19_900_000).append(']');
            sep(vols).append('[').append(ms).append(',').append(5.1e10).append(']');
        }
        return Reply.of(200, "{\"prices\":[" + prices + "],\"market_caps\":[" + caps + "],\"total_volumes\":[" + vols + "]}");
    }

    private Reply klines(Map<String, String> q) {
        if (!binanceSymbols.contains(q.get("symbol"))) return Reply.of(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        long len = q.get("interval").equals("1h") ? 3_600_000 : 86_400_000;
        long start = Long.parseLong(q.get("startTime")), end = Long.parseLong(q.get("endTime"));
        int limit = Integer.parseInt(q.get("limit"));
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (long t = start + (len - start % len) % len; t <= end && n < limit; t += len, n++) {
            double o = price(t / 1000), c = price((t + len) / 1000);
            sep(out).append(String.format(Locale.ROOT, "[%d,\"%.8f\",\"%.8f\",\"%.8f\",\"%.8f\",\"%.8f\",%d,\"%.8f\",%d,\"%.8f\",\"%.8f\",\"0\"]",
                    t, o, Math.max(o, c) * 1.002, Math.min(o, c) * 0.998, c, 800.5, t + len - 1, 800.5 * c, 150000, 400.1, 400.1 * c));
        }
        return Reply.of(200, "[" + out + "]");
    }

    private Reply cmc(Map<String, String> q, String key) {
        if (key == null) return Reply.of(401, "{\"status\":{\"error_code\":1002,\"error_message\":\"API key missing.\",\"credit_count\":0}}");
        long len = q.get("interval").equals("1h") ? 3600 : 86400;
        long start = Long.parseLong(q.get("time_start")), end = Long.parseLong(q.get("time_end"));
        StringBuilder quotes = new StringBuilder();
        for (long t = start + len; t <= end; t += len) {
            String ts = Instant.ofEpochSecond(t).toString().replace("Z", ".000Z");
            sep(quotes).append("{\"timestamp\":\"").append(ts).append("\",\"quote\":{\"USD\":{\"price\":").append(price(t))
                    .append(",\"volume_24h\":51830488712.11,\"market_cap\":").append(price(t) * 19_900_000)
                    .append(",\"timestamp\":\"").append(ts).append("\"}}}");
        }
        return Reply.of(200, "{\"status\":{\"timestamp\":\"2025-12-01T10:00:00.000Z\",\"error_code\":0,\"error_message\":null,"
                + "\"elapsed\":10,\"credit_count\":1,\"notice\":null},\"data\":{\"id\":" + q.get("id")
                + ",\"name\":\"Bitcoin\",\"symbol\":\"BTC\",\"is_active\":1,\"is_fiat\":0,\"quotes\":[" + quotes + "]}}");
    }

    private static StringBuilder sep(StringBuilder b) {
        return b.isEmpty() ? b : b.append(',');
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) out.put(kv.substring(0, eq), java.net.URLDecoder.decode(kv.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.close();
    }
}
