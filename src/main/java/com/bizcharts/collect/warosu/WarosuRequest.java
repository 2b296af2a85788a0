package com.bizcharts.collect.warosu;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * What to import from Warosu. With a search text, subject or date range it pages through the search (OPs only,
 * newest first); without any of them it browses the board's index pages.
 *
 * @param pages      at most this many result pages (null: until {@code max} or the end)
 * @param withThreads also fetch each thread's page for its reply count (one more request per thread)
 */
public record WarosuRequest(String searchText, String subject, LocalDate from, LocalDate to, Integer pages, int max,
                            boolean withThreads) {

    public WarosuRequest {
        if (max < 1) throw new IllegalArgumentException("--max must be at least 1");
        if (pages != null && pages < 1) throw new IllegalArgumentException("--pages must be at least 1");
        if (from != null && to != null && from.isAfter(to)) throw new IllegalArgumentException("--from is after --to");
    }

    public boolean isSearch() {
        return notBlank(searchText) || notBlank(subject) || from != null || to != null;
    }

    public WarosuRequest withDates(LocalDate newFrom, LocalDate newTo) {
        return new WarosuRequest(searchText, subject, newFrom, newTo, pages, max, withThreads);
    }

    /** The search URL's query for one offset, with Fuuka's advanced-search parameter names. */
    String searchQuery(int offset) {
        StringBuilder q = new StringBuilder("task=search2&search_op=op&search_ord=new&search_res=op");
        if (notBlank(searchText)) q.append("&search_text=").append(enc(searchText));
        if (notBlank(subject)) q.append("&search_subject=").append(enc(subject));
        if (from != null) q.append("&search_datefrom=").append(from);
        if (to != null) q.append("&search_dateto=").append(to);
        if (offset > 0) q.append("&offset=").append(offset);
        return q.toString();
    }

    /** A stable description, stored with the run so {@code --continue} can find an interrupted identical one. */
    String parametersJson() {
        return identity() + ",\"from\":" + quote(from) + ",\"to\":" + quote(to) + "}";
    }

    /** The request without its dates: an interrupted --continue run is the same import even if dates moved. */
    String identity() {
        return "{\"search\":" + quote(searchText) + ",\"subject\":" + quote(subject) + ",\"threads\":" + withThreads;
    }

    private static String quote(Object o) {
        if (o == null) return "null";
        return "\"" + o.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s.strip(), StandardCharsets.UTF_8);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
