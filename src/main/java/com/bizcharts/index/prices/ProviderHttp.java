package com.bizcharts.index.prices;

import com.bizcharts.collect.http.FetchException;
import com.bizcharts.collect.http.FetchResult;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.secrets.Redaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * One provider's GETs: {@link PoliteHttp} paces them (each provider its own pace), retries 429 and 5xx with backoff
 * and Retry-After; this turns what is left into a {@link PriceException} that names the provider and, where the
 * provider's error JSON says why, says that too. Every message goes through {@link Redaction} with the key headers'
 * values, since a provider may echo the key it was sent.
 */
final class ProviderHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String provider;
    private final PoliteHttp http;
    private final Function<JsonNode, String> errorText;

    /** @param errorText reads the provider's error message out of an error body, or null when it has none */
    ProviderHttp(String provider, PoliteHttp http, Function<JsonNode, String> errorText) {
        this.provider = provider;
        this.http = http;
        this.errorText = errorText;
    }

    /** The parsed JSON of a 200 answer; 404 reads as {@code notFound}. */
    JsonNode get(URI uri, Map<String, String> headers, String notFound) throws PriceException, InterruptedException {
        FetchResult r;
        try {
            r = http.getWithHeaders(uri, headers);
        } catch (FetchException e) {
            String why = e.body() == null ? null : explain(e.body());
            String hint = e.status() == 429 ? " (rate limit: the free tier's per-minute or monthly limit; try later or another provider)" : "";
            throw new PriceException(redact(provider + ": " + e.getMessage() + (why == null ? "" : " - " + why) + hint, headers), 1);
        }
        if (r.notFound()) throw new PriceException(provider + ": " + notFound, r.attempts());
        if (!r.ok()) throw new PriceException(redact(provider + ": unexpected HTTP " + r.status() + " from " + uri, headers), r.attempts());
        try {
            return JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw new PriceException(provider + ": the answer is not JSON (" + firstLine(e.getOriginalMessage()) + "); nothing stored", r.attempts());
        } catch (java.io.IOException e) {
            throw new PriceException(provider + ": cannot read the answer (" + e.getMessage() + ")", r.attempts());
        }
    }

    private String explain(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? null : errorText.apply(node);
        } catch (java.io.IOException | RuntimeException e) {
            return null;  // an HTML error page or nothing: the status alone has to do
        }
    }

    /** The text without the values of the headers that carry a key (X-CMC_PRO_API_KEY, x-cg-demo-api-key, ...). */
    static String redact(String text, Map<String, String> headers) {
        String[] keys = headers.entrySet().stream()
                .filter(h -> h.getKey().toLowerCase(java.util.Locale.ROOT).matches(".*(key|auth|token).*"))
                .map(Map.Entry::getValue).toArray(String[]::new);
        return Redaction.redact(text, keys);
    }

    static String firstLine(String s) {
        if (s == null) return "unknown";
        int n = s.indexOf('\n');
        return n < 0 ? s : s.substring(0, n);
    }

    /** An answer that parsed as JSON but is not the provider's documented shape. */
    PriceException malformed(String what, int cost) {
        return new PriceException(provider + ": the answer is not " + what + "; nothing stored", cost);
    }
}
