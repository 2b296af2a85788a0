package com.bizcharts.collect.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * What a GET ended with when the server answered usefully: the body (200), "nothing changed" (304) or "gone" (404).
 *
 * @param lastModified the {@code Last-Modified} header verbatim (send it back as {@code If-Modified-Since}), or null
 * @param attempts     how many requests it took, retries included
 */
public record FetchResult(URI uri, Outcome outcome, int status, byte[] body, String lastModified, int attempts) {

    public enum Outcome { OK, NOT_MODIFIED, NOT_FOUND }

    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
