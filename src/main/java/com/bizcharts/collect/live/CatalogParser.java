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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads {@code /{board}/catalog.json}: an array of pages, each with its threads' OPs. Follows the API's documented
 * fields and the quirks seen in real payloads (optional fields absent, 0/1 integers for booleans, page 0 in old
 * catalogs, deleted files with no file fields at all). Strict where it matters: a payload without the page/thread
 * structure or an OP without {@code no} and {@code time} rejects the whole catalog, so nothing partial is stored.
 * One OP with impossible numbers (a post number or {@code tim} not positive, a {@code time} outside 4chan's years) is
 * skipped, or loses only its thumbnail, and is reported to the problem sink: it must not cost the others their poll.
 */
public final class CatalogParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NUMBER_FIELDS = List.of("replies", "images", "tim", "fsize", "w", "h", "tn_w",
            "tn_h", "sticky", "closed", "filedeleted");
    private static final List<String> TEXT_FIELDS = List.of("sub", "com", "name", "trip", "filename", "ext", "md5");

    /** Post times a 4chan OP can have: from the site's start (October 2003) to the end of the century. */
    private static final long FIRST_POST_SECOND = 1_064_966_400L, LAST_POST_SECOND = 4_102_444_800L;

    private final String board;
    private final URI imagesBase;
    private final Consumer<String> problems;

    public CatalogParser(String board, URI imagesBase) {
        this(board, imagesBase, p -> { });
    }

    /** @param problems told about each OP skipped or stripped of its thumbnail, naming the thread */
    public CatalogParser(String board, URI imagesBase, Consumer<String> problems) {
        this.board = board;
        this.imagesBase = imagesBase;
        this.problems = problems;
    }

    public List<CatalogEntry> parse(byte[] payload) throws CatalogFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new CatalogFormatException("catalog is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CatalogFormatException("catalog could not be read: " + e.getMessage());
        }
        if (root == null || !root.isArray()) throw new CatalogFormatException("catalog is not a JSON array of pages");
        List<CatalogEntry> entries = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (JsonNode page : root) {
            JsonNode threads = page.get("threads");
            if (!page.isObject() || threads == null || !threads.isArray()) {
                throw new CatalogFormatException("catalog page without a threads array");
            }
            if (page.has("page") && !page.get("page").isIntegralNumber()) {
                throw new CatalogFormatException("catalog page number is not an integer: " + page.get("page"));
            }
            int pageNo = page.path("page").asInt(0);
            for (JsonNode op : threads) {
                CatalogEntry e = entry(op, pageNo);
                if (e == null) continue;
                if (seen.add(e.op().threadId())) entries.add(e);
                else problems.accept("catalog thread " + e.op().threadId() + " listed twice; the second is skipped");
            }
        }
        return entries;
    }

    /** The OP as an entry, or null when it is skipped. */
    private CatalogEntry entry(JsonNode op, int page) throws CatalogFormatException {
        if (!op.path("no").canConvertToLong() || !op.path("no").isIntegralNumber()) {
            throw new CatalogFormatException("catalog thread without a post number");
        }
        long no = op.get("no").asLong();
        if (!op.path("time").isIntegralNumber()) throw new CatalogFormatException("thread " + no + " has no time");
        checkTypes(op, no);
        if (no <= 0) {
            problems.accept("catalog thread " + no + ": post number is not positive; skipped");
            return null;
        }
        long time = op.get("time").canConvertToLong() ? op.get("time").asLong() : Long.MAX_VALUE;
        if (time < FIRST_POST_SECOND || time >= LAST_POST_SECOND) {
            problems.accept("catalog thread " + no + ": time " + op.get("time") + " is not a plausible post time; skipped");
            return null;
        }
        String html = op.hasNonNull("com") ? op.get("com").asText() : null;
        String trip = op.path("trip").asText("");
        Long tim = op.path("tim").isIntegralNumber() && op.get("tim").canConvertToLong() ? op.get("tim").asLong() : null;
        if (tim != null && tim <= 0) {
            problems.accept("catalog thread " + no + ": tim " + tim + " is not positive; its thumbnail is skipped");
            tim = null;
        }
        ThreadOp.ImageFile file = file(op, tim);
        if (file == null || file.deleted()) tim = null;
        ThreadOp thread = new ThreadOp(no, board, CommentHtml.subject(op.path("sub").asText(null)), html,
                CommentHtml.toText(html), op.path("name").asText(null), trip.isEmpty() ? null : trip,
                Instant.ofEpochSecond(time), op.path("replies").asInt(0), op.path("images").asInt(0),
                file, null, op.path("sticky").asInt(0) == 1, op.path("closed").asInt(0) == 1, ThreadOp.Source.LIVE);
        return new CatalogEntry(thread, page, tim);
    }

    private ThreadOp.ImageFile file(JsonNode op, Long tim) {
        if (op.path("filedeleted").asInt(0) == 1) return ThreadOp.ImageFile.deletedFile();
        if (tim == null && !op.has("tim")) return null;
        String ext = op.path("ext").asText("");
        // a tim that is not positive names no file: the attachment's facts are kept, its addresses are not
        String base = tim == null ? null : imagesBase.toString().replaceAll("/+$", "") + "/" + board + "/" + tim;
        return new ThreadOp.ImageFile(CommentHtml.subject(op.path("filename").asText(null)), ext.isEmpty() ? null : ext,
                op.path("fsize").canConvertToLong() ? op.get("fsize").asLong() : null, intOrNull(op, "w"), intOrNull(op, "h"),
                intOrNull(op, "tn_w"), intOrNull(op, "tn_h"), op.path("md5").asText(null), false,
                base == null ? null : base + ext, base == null ? null : base + "s.jpg");
    }

    /** A field of the wrong type means the payload is not 4chan's; silently reading it as absent would hide that. */
    private static void checkTypes(JsonNode op, long no) throws CatalogFormatException {
        for (String f : NUMBER_FIELDS) {
            JsonNode v = op.get(f);
            if (v != null && !v.isNull() && !v.isIntegralNumber()) {
                throw new CatalogFormatException("thread " + no + ": field '" + f + "' is not an integer: " + v);
            }
        }
        for (String f : TEXT_FIELDS) {
            JsonNode v = op.get(f);
            if (v != null && !v.isNull() && !v.isTextual()) {
                throw new CatalogFormatException("thread " + no + ": field '" + f + "' is not text: " + v);
            }
        }
    }

    private static Integer intOrNull(JsonNode op, String field) {
        // a size past an int is no size at all, not a wrapped-around negative one
        return op.path(field).isIntegralNumber() && op.get(field).canConvertToInt() ? op.get(field).asInt() : null;
    }
}
