package com.bizcharts.collect.http;

/**
 * The outcome of a polite GET that did not fail: 200 with a body, 304 (nothing changed) or 404 (gone).
 *
 * @param lastModified the server's Last-Modified header, to send back verbatim as If-Modified-Since
 */
public record FetchResult(int status, byte[] body, String lastModified, int attempts) {

    public boolean ok() { return status == 200; }

    public boolean notModified() { return status == 304; }

    public boolean notFound() { return status == 404; }
}
