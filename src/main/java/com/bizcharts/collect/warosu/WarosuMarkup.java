package com.bizcharts.collect.warosu;

import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one post element of Warosu's (Fuuka's) markup: the OP {@code div#p{no}} or a reply {@code td.reply}.
 * Matches class tokens, never raw text: the site has switched between quoted and unquoted attributes, with and
 * without microdata, several times. Dates come from the image's {@code tim} (true UTC milliseconds) when there is
 * one, else from the posttime {@code title}; the visible date text is in US-Eastern time and is never parsed.
 * A field that cannot be read ({@code File: 1.9.8 KB}, a width past an int, an image address with a space in it) is
 * recorded as missing for that post, with a warning naming the post; the post and the page go on.
 */
final class WarosuMarkup {

    private static final Logger log = LoggerFactory.getLogger(WarosuMarkup.class);

    private static final Pattern FILE_INFO = Pattern.compile("File:\\s*([\\d.]+)\\s*(B|KB|MB)?,\\s*(\\d+)x(\\d+),\\s*(.*)",
            Pattern.DOTALL);
    private static final Pattern TIM = Pattern.compile("/(\\d{10,16})s?\\.[A-Za-z0-9]+$");
    private static final Pattern THREAD_LINK = Pattern.compile("/thread/S?(\\d{1,18})");
    private static final Pattern MD5_LINK = Pattern.compile("/image/([A-Za-z0-9_-]{22})");

    private WarosuMarkup() {}

    static WarosuPost read(Element post, long threadNo, boolean op, URI base) throws WarosuFormatException {
        return read(post, threadNo, op, base, 0);
    }

    /**
     * @param titleShiftSeconds what to add to a {@code posttime} title to make it true UTC (see {@link #titleShift}):
     *                          0 on pages whose title is already UTC, 4 or 5 hours where it holds the Eastern wall clock
     */
    static WarosuPost read(Element post, long threadNo, boolean op, URI base, long titleShiftSeconds)
            throws WarosuFormatException {
        long no = number(post);
        String subject = text(post.selectFirst("span.filetitle"));
        Element poster = post.selectFirst("span.postername");
        String name = poster == null ? null : poster.text().strip();
        String trip = text(post.selectFirst("span.postertrip"));
        if (trip != null) trip = trip.replace('\u00A0', ' ').strip();

        Element imageLink = null;
        for (Element a : post.select("a[href]")) {
            if (a.attr("href").contains("/img/") && a.selectFirst("img") != null) { imageLink = a; break; }
        }
        Element thumb = post.selectFirst("img.thumb");
        String imageUrl = imageLink == null ? null : address(base, imageLink.attr("href"), no, "image");
        String thumbUrl = thumb == null ? null : address(base, thumb.attr("src"), no, "thumbnail");
        Long tim = imageUrl == null ? null : tim(imageUrl);

        Instant postedAt;
        if (tim != null) {
            postedAt = Instant.ofEpochSecond(tim / 1000); // 4chan post times are whole seconds: time = tim / 1000
        } else {
            Element time = post.selectFirst("span.posttime");
            if (time == null || !time.attr("title").matches("\\d{9,16}")) {
                throw new WarosuFormatException("post " + no + " has no usable time (no image and no posttime title)");
            }
            postedAt = Instant.ofEpochMilli(Long.parseLong(time.attr("title"))).plusSeconds(titleShiftSeconds);
        }

        String fileName = null;
        Long size = null;
        Integer w = null, h = null;
        for (Element span : post.select("span")) {
            String info = span.text().strip();
            Matcher m = FILE_INFO.matcher(info);
            if (span.classNames().isEmpty() || span.hasClass("fileinfo")) {
                if (m.matches()) {
                    size = bytes(m.group(1), m.group(2));
                    w = dimension(m.group(3));
                    h = dimension(m.group(4));
                    fileName = m.group(5).strip();
                    List<String> missing = new ArrayList<>();
                    if (size == null) missing.add("size");
                    if (w == null) missing.add("width");
                    if (h == null) missing.add("height");
                    if (!missing.isEmpty()) {
                        log.warn("post {}: unreadable file info '{}'; its {} recorded as missing", no, info, String.join(" and ", missing));
                    }
                    break;
                }
            }
        }
        String md5 = null;
        for (Element a : post.select("a[href]")) {
            Matcher m = MD5_LINK.matcher(a.attr("href"));
            if (m.find()) {
                try {
                    md5 = Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(m.group(1)));
                } catch (IllegalArgumentException e) {
                    log.warn("post {}: unreadable image hash '{}'; recorded as missing", no, m.group(1));
                }
                break;
            }
        }
        Element quote = post.selectFirst("blockquote");
        String html = quote == null ? null : (quote.selectFirst("p") != null ? quote.selectFirst("p").html() : quote.html());
        return new WarosuPost(no, op ? no : threadNo, op, subject, name, trip, postedAt, html, fileName, size, w, h,
                imageUrl, thumbUrl, tim, md5);
    }

    /** The post number from the element id ({@code p123}); ghost posts ({@code p123_1}) are rejected by callers. */
    static long number(Element post) throws WarosuFormatException {
        String id = post.id();
        if (!id.matches("p\\d{1,18}")) throw new WarosuFormatException("post element without a numeric id: '" + id + "'");
        return Long.parseLong(id.substring(1));
    }

    static boolean isGhost(Element post) {
        return post.id().contains("_") || post.hasClass("subreply");
    }

    /** The thread a search hit belongs to, from its View link ({@code /biz/thread/S?123#p456}). */
    static Long threadOf(Element post) {
        for (Element a : post.select("a[href]")) {
            Matcher m = THREAD_LINK.matcher(a.attr("href"));
            if (m.find() && (a.text().equals("View") || a.text().startsWith("No."))) return Long.parseLong(m.group(1));
        }
        for (Element a : post.select("a[href]")) {
            Matcher m = THREAD_LINK.matcher(a.attr("href"));
            if (m.find()) return Long.parseLong(m.group(1));
        }
        return null;
    }

    /** A link as an absolute address, or null (with a warning naming the post) when it is not an address at all. */
    private static String address(URI base, String href, long no, String what) {
        try {
            String url = absolute(base, href);
            URI.create(url);  // what the rest of the importer will do with it
            return url;
        } catch (IllegalArgumentException e) {
            log.warn("post {}: {} address '{}' is not a valid URL; recorded as missing", no, what, href);
            return null;
        }
    }

    /**
     * How far this page's {@code posttime} titles are from true UTC, learnt from a post that has both a title and an
     * image {@code tim}: older pages put true UTC in the title, the rewritten site (2023+) the US-Eastern wall clock as
     * if it were UTC, i.e. 4 or 5 hours early. Rounded to whole hours (tim is the upload moment, a second or so
     * after the post); 0 when no post on the page has both or the gap is not a plausible zone offset.
     */
    static long titleShift(Element content) {
        for (Element time : content.select("span.posttime[title]")) {
            String title = time.attr("title");
            if (!title.matches("\\d{9,16}")) continue;
            Element post = time.closest("td.reply, div[id]");
            if (post == null) continue;
            for (Element a : post.select("a[href]")) {
                if (!a.attr("href").contains("/img/") || a.selectFirst("img") == null) continue;
                Long tim;
                try {
                    tim = tim(absolute(URI.create("https://x"), a.attr("href")));
                } catch (IllegalArgumentException notAnAddress) {
                    break;  // read() reports it with the post's number
                }
                if (tim == null) break;
                long gap = tim / 1000 - Long.parseLong(title) / 1000;
                long hours = Math.round(gap / 3600.0);
                if (Math.abs(gap - hours * 3600) > 600 || hours < 0 || hours > 5) return 0;
                return hours * 3600;
            }
        }
        return 0;
    }

    /** The image's millisecond timestamp from its address, or null when it has none (or is no address). */
    static Long tim(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        Matcher m = path == null ? null : TIM.matcher(path);
        return m != null && m.find() ? Long.parseLong(m.group(1)) : null;
    }

    static String absolute(URI base, String href) {
        if (href.startsWith("//")) return base.getScheme() + ":" + href;
        return base.resolve(href).toString();
    }

    /** Fuuka's make_filesize_string back to bytes, or null when it is not a number ("1.9.8"). */
    private static Long bytes(String number, String unit) {
        double v;
        try {
            v = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return null;
        }
        double b = unit == null || unit.equals("B") ? v : v * (unit.equals("KB") ? 1024 : 1024 * 1024);
        return Double.isFinite(b) && b >= 0 && b < Long.MAX_VALUE ? (long) b : null;
    }

    /** An image width or height, or null when it is no int ("99999999999"). */
    private static Integer dimension(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Element e) {
        if (e == null) return null;
        String t = e.text().strip();
        return t.isEmpty() ? null : t;
    }
}
