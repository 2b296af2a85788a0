package com.bizcharts.collect.live;

import com.bizcharts.collect.CommentHtml;
import com.bizcharts.store.ThreadOp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code catalog.json} ({@code [{"page": 1, "threads": [OP, ...]}, ...]}) into {@link CatalogThread}s. Optional
 * fields may be absent (no subject, no comment on image-only OPs, no file fields once {@code filedeleted}); booleans are
 * 0/1 integers; text fields are HTML-escaped. Any structural problem rejects the whole payload, so a caller never
 * stores part of a broken catalog.
 */
public final class CatalogParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String board;
    private final URI imagesBase;

    public CatalogParser(String board, URI imagesBase) {
        this.board = board;
        this.imagesBase = imagesBase;
    }

    public List<CatalogThread> parse(byte[] payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedCatalogException("catalog is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedCatalogException("catalog cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) throw new MalformedCatalogException("catalog is not a JSON array of pages");
        List<CatalogThread> threads = new ArrayList<>(160);
        for (int i = 0; i < root.size(); i++) {
            JsonNode page = root.get(i);
            if (!page.isObject()) throw new MalformedCatalogException("catalog page #" + i + " is not an object");
            Long pageNo = optLong(page, "page", "page #" + i);
            JsonNode list = page.get("threads");
            if (pageNo == null || list == null || !list.isArray()) {
                throw new MalformedCatalogException("catalog page #" + i + " lacks a page number or a threads array");
            }
            for (JsonNode op : list) threads.add(thread(op, pageNo.intValue()));
        }
        return threads;
    }

    private CatalogThread thread(JsonNode op, int page) {
        if (!op.isObject()) throw new MalformedCatalogException("a thread on page " + page + " is not an object");
        Long no = optLong(op, "no", "thread on page " + page);
        if (no == null || no <= 0) throw new MalformedCatalogException("a thread on page " + page + " has no post number");
        String where = "thread " + no;
        Long time = optLong(op, "time", where);
        if (time == null) throw new MalformedCatalogException(where + " has no post time");
        String com = optText(op, "com", where);
        Long tim = optLong(op, "tim", where);
        String ext = optText(op, "ext", where);
        ThreadOp.ImageFile file = null;
        if (flag(op, "filedeleted", where)) {
            file = ThreadOp.ImageFile.deletedFile();
            tim = null;
        } else if (tim != null && ext != null) {
            String stem = imagesBase + "/" + board + "/" + tim;
            file = new ThreadOp.ImageFile(CommentHtml.unescape(optText(op, "filename", where)), ext,
                    optLong(op, "fsize", where), optInt(op, "w", where), optInt(op, "h", where),
                    optInt(op, "tn_w", where), optInt(op, "tn_h", where), optText(op, "md5", where), false,
                    stem + ext, stem + "s.jpg");
        } else {
            tim = null;
        }
        ThreadOp threadOp = new ThreadOp(no, board, blankToNull(CommentHtml.unescape(optText(op, "sub", where))), com,
                CommentHtml.toText(com), CommentHtml.unescape(optText(op, "name", where)),
                blankToNull(optText(op, "trip", where)), Instant.ofEpochSecond(time),
                orZero(optInt(op, "replies", where)), orZero(optInt(op, "images", where)), file, null,
                flag(op, "sticky", where), flag(op, "closed", where), ThreadOp.Source.LIVE);
        return new CatalogThread(threadOp, page, tim);
    }

    private static Long optLong(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new MalformedCatalogException(where + ": field '" + field + "' is not an integer: " + v);
        }
        return v.longValue();
    }

    private static Integer optInt(JsonNode node, String field, String where) {
        Long v = optLong(node, field, where);
        if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
            throw new MalformedCatalogException(where + ": field '" + field + "' is out of range: " + v);
        }
        return v == null ? null : v.intValue();
    }

    private static String optText(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new MalformedCatalogException(where + ": field '" + field + "' is not text: " + v);
        return v.textValue();
    }

    private static boolean flag(JsonNode node, String field, String where) {
        Long v = optLong(node, field, where);
        return v != null && v != 0;
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
