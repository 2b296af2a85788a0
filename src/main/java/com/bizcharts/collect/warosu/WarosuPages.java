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
 * page. A page that is not one of them (a Cloudflare challenge, an error page, a truncated body) is rejected whole.
 */
public final class WarosuPages {

    private static final Pattern OMITTED = Pattern.compile("(\\d+)\\s+repl(?:y|ies)\\s+omitted");

    private final String board;
    private final URI base;

    public WarosuPages(String board, URI base) {
        this.board = board;
        this.base = base;
    }

    /** A search result page: hits in order (OPs and replies alike), ghosts skipped. Empty when nothing was found. */
    public SearchPage search(String html) throws WarosuFormatException {
        Document doc = parse(html);
        Element content = doc.selectFirst("div.content");
        boolean noneFound = doc.text().contains("No posts found");
        if (content == null && !noneFound) throw new WarosuFormatException("not a Warosu search page (no content block)");
        List<WarosuPost> hits = new ArrayList<>();
        if (content != null) {
            long shift = WarosuMarkup.titleShift(content);
            for (Element td : content.select("td.reply")) {
                if (WarosuMarkup.isGhost(td)) continue;
                Long thread = WarosuMarkup.threadOf(td);
                long no = WarosuMarkup.number(td);
                long threadNo = thread == null ? no : thread;
                hits.add(WarosuMarkup.read(td, threadNo, threadNo == no, base, shift));
            }
        }
        return new SearchPage(hits, noneFound);
    }

    /** A thread page: the OP with its reply count (4chan replies only; ghost posts do not count). */
    public ThreadOp thread(String html) throws WarosuFormatException {
        Document doc = parse(html);
        Element content = doc.selectFirst("div.content");
        if (content == null) throw new WarosuFormatException("not a Warosu thread page (no content block)");
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
        List<ThreadOp> ops = new ArrayList<>();
        long shift = WarosuMarkup.titleShift(content);
        for (Element div : content.select("div[id]")) {
            if (!div.id().matches("p\\d+")) continue;
            WarosuPost op = WarosuMarkup.read(div, 0, true, base, shift);
            int replies = 0;
            Element next = div.nextElementSibling();
            while (next != null && !(next.tagName().equals("div") && next.id().matches("p\\d+"))) {
                Matcher m = OMITTED.matcher(next.text());
                if (next.hasClass("omittedposts") && m.find()) replies += Integer.parseInt(m.group(1));
                if (next.tagName().equals("table")) replies += next.select("td.reply").size();
                next = next.nextElementSibling();
            }
            ops.add(toThreadOp(op, replies, 0));
        }
        return ops;
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

    /** @param noneFound the page said "No posts found" */
    public record SearchPage(List<WarosuPost> hits, boolean noneFound) {
        public List<WarosuPost> ops() {
            return hits.stream().filter(WarosuPost::op).toList();
        }
    }
}
