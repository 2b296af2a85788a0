package com.bizcharts.collect.warosu;

import com.bizcharts.collect.CommentHtml;
import com.bizcharts.store.ThreadOp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the three kinds of Warosu page the importer reads: a thread page, a search result page, a board index
 * page. A page that is not one of them (a Cloudflare challenge, an error page) is rejected whole, and so is an
 * incomplete one: jsoup closes whatever a cut body leaves open, so a page cut cleanly between two posts (its
 * Content-Length matching) would pass for a short last page, and one cut inside a post for a shorter post. Every page
 * Fuuka serves ends with {@code </html>}, and a search page prints its Navigation pager after the results.
 */
public final class WarosuPages {

    private static final Pattern OMITTED = Pattern.compile("\\b(\\d{1,9})\\s+repl(?:y|ies)\\s+omitted");
    private static final Pattern CLOSING = Pattern.compile("(?i)</html\\s*>");
    /** Fuuka's search pages hold 24 results (cgi-board.pl asks its database for 24). */
    public static final int FUUKA_PAGE_SIZE = 24;

    private final String board;
    private final URI base;
    private final int pageSize;

    public WarosuPages(String board, URI base) {
        this(board, base, FUUKA_PAGE_SIZE);
    }

    /** @param pageSize the results one search page holds */
    public WarosuPages(String board, URI base, int pageSize) {
        this.board = board;
        this.base = base;
        this.pageSize = pageSize;
    }

    /**
     * What one result or index page gave the importer.
     *
     * @param results every result the page showed, ghosts and replies included: a search page with fewer than a page
     *                holds is the last one
     */
    public record Results(List<ThreadOp> ops, int results) {}

    /** A search result page's OPs, complete or rejected. */
    public Results searchResults(String html) throws WarosuFormatException {
        SearchPage sp = search(html);
        List<ThreadOp> ops = new ArrayList<>();
        for (WarosuPost p : sp.ops()) ops.add(toThreadOp(p, 0, 0));
        return new Results(ops, sp.results());
    }

    /** A board index page's OPs, complete or rejected. */
    public Results indexResults(String html) throws WarosuFormatException {
        List<ThreadOp> ops = index(html);
        return new Results(ops, ops.size());
    }

    /** A search result page: hits in order (OPs and replies alike), ghosts skipped. Empty when nothing was found. */
    public SearchPage search(String html) throws WarosuFormatException {
        Document doc = parse(html);
        Element content = doc.selectFirst("div.content");
        boolean noneFound = doc.text().contains("No posts found");
        if (content == null && !noneFound) throw new WarosuFormatException("not a Warosu search page (no content block)");
        requireClosing(html, "search page");
        List<WarosuPost> hits = new ArrayList<>();
        int results = 0;
        if (content != null) {
            long shift = WarosuMarkup.titleShift(content);
            for (Element td : content.select("td.reply")) {
                results++;
                if (WarosuMarkup.isGhost(td)) continue;
                Long thread = WarosuMarkup.threadOf(td);
                long no = WarosuMarkup.number(td);
                long threadNo = thread == null ? no : thread;
                hits.add(WarosuMarkup.read(td, threadNo, threadNo == no, base, shift));
            }
        }
        if (results > pageSize) {
            throw new WarosuFormatException("search page with " + results + " results, more than a page holds (" + pageSize + ")");
        }
        if (results > 0 && results < pageSize && !hasPager(doc)) {
            throw new WarosuFormatException("search page is incomplete: " + results + " of " + pageSize
                    + " results and no Navigation pager after them");
        }
        return new SearchPage(hits, noneFound, results);
    }

    /** A thread page: the OP with its reply count (4chan replies only; ghost posts do not count). */
    public ThreadOp thread(String html) throws WarosuFormatException {
        Document doc = parse(html);
        Element content = doc.selectFirst("div.content");
        if (content == null) throw new WarosuFormatException("not a Warosu thread page (no content block)");
        requireClosing(html, "thread page");
        Element opDiv = null;
        for (Element div : content.select("div[id]")) {
            if (div.id().matches("p\\d+")) { opDiv = div; break; }
        }
        if (opDiv == null) throw new WarosuFormatException("thread page without an opening post");
        WarosuPost op = WarosuMarkup.read(opDiv, 0, true, base, WarosuMarkup.titleShift(content));
        int replies = 0, images = 0;
        for (Element td : content.select("td.reply")) {
            if (WarosuMarkup.isGhost(td)) continue;
            replies++;
            if (td.selectFirst("img.thumb") != null) images++;
        }
        return toThreadOp(op, replies, images);
    }

    /** A board index page: each thread's OP, with its reply count (omitted plus shown). */
    public List<ThreadOp> index(String html) throws WarosuFormatException {
        Document doc = parse(html);
        Element content = doc.selectFirst("div.content");
        if (content == null) throw new WarosuFormatException("not a Warosu index page (no content block)");
        requireClosing(html, "index page");
        List<ThreadOp> ops = new ArrayList<>();
        long shift = WarosuMarkup.titleShift(content);
        for (Element div : content.select("div[id]")) {
            if (!div.id().matches("p\\d+")) continue;
            WarosuPost op = WarosuMarkup.read(div, 0, true, base, shift);
            // Stock Fuuka prints "N replies omitted" inside the OP's div, later markup after it: read both places.
            int replies = omitted(div.selectFirst("span.omittedposts"));
            Element next = div.nextElementSibling();
            while (next != null && !(next.tagName().equals("div") && next.id().matches("p\\d+"))) {
                if (next.hasClass("omittedposts")) replies += omitted(next);
                // ghost posts (archive-only replies) are no 4chan replies here either, as on the thread page
                if (next.tagName().equals("table")) {
                    for (Element td : next.select("td.reply")) if (!WarosuMarkup.isGhost(td)) replies++;
                }
                next = next.nextElementSibling();
            }
            ops.add(toThreadOp(op, replies, 0));
        }
        return ops;
    }

    private static int omitted(Element span) {
        if (span == null) return 0;
        Matcher m = OMITTED.matcher(span.text());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The body as served, not as jsoup repaired it: a page without its closing tag was cut short. */
    private static void requireClosing(String html, String kind) throws WarosuFormatException {
        if (!CLOSING.matcher(html).find()) {
            throw new WarosuFormatException(kind + " is incomplete: it ends before its closing </html> (" + html.length()
                    + " characters, ending '" + tail(html) + "')");
        }
    }

    /** Fuuka's "Navigation" table of offsets (+24, +48...), printed after the results. */
    private static boolean hasPager(Document doc) {
        if (doc.selectFirst("table.navigation") != null) return true;
        for (Element td : doc.select("td")) if (td.ownText().strip().equals("Navigation")) return true;
        return false;
    }

    private static String tail(String html) {
        String t = html.strip();
        return (t.length() > 40 ? t.substring(t.length() - 40) : t).replaceAll("\\s+", " ");
    }

    /** Keeps the comment HTML as served: pretty-printing would add line breaks the poster never wrote. */
    private Document parse(String html) {
        Document doc = Jsoup.parse(html, base.toString());
        doc.outputSettings().prettyPrint(false);
        return doc;
    }

    ThreadOp toThreadOp(WarosuPost p, int replies, int images) {
        ThreadOp.ImageFile file = p.imageUrl() == null ? null : new ThreadOp.ImageFile(p.fileName(), extension(p.imageUrl()),
                p.fileSize(), p.width(), p.height(), null, null, p.md5(), false, p.imageUrl(), p.thumbnailUrl());
        return new ThreadOp(p.no(), board, p.subject(), p.commentHtml(), CommentHtml.toText(p.commentHtml()),
                p.name(), p.tripcode(), p.postedAt(), replies, images, file, null, false, false, ThreadOp.Source.WAROSU);
    }

    private static String extension(String url) {
        String path = URI.create(url).getPath();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : path.substring(dot).toLowerCase(Locale.ROOT);
    }

    /**
     * @param noneFound the page said "No posts found"
     * @param results   the results it showed, ghosts included (what a full page has {@code pageSize} of)
     */
    public record SearchPage(List<WarosuPost> hits, boolean noneFound, int results) {
        public List<WarosuPost> ops() {
            return hits.stream().filter(WarosuPost::op).toList();
        }
    }
}
