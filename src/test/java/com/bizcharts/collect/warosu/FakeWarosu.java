package com.bizcharts.collect.warosu;

import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;

import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Warosu stand-in on loopback: search results for {@code total} OPs numbered downwards from 62000000, 24 per page,
 * in the site's unquoted markup; thread pages with three replies; thumbnails. {@code failPage} makes a result page
 * answer 500 (an outage mid-import).
 */
public final class FakeWarosu {

    private static final Pattern OFFSET = Pattern.compile("offset=(\\d+)");
    public static final long FIRST = 62_000_000L;
    static final long FIRST_SECOND = 1_761_000_000L;

    private FakeWarosu() {}

    public static LoopbackServer start(int total, IntPredicate failPage) {
        return start(total, failPage, (page, html) -> html);
    }

    /** @param rewrite what result page {@code page} (from 0) is served as instead: cut short, with odd fields */
    public static LoopbackServer start(int total, IntPredicate failPage, java.util.function.BiFunction<Integer, String, String> rewrite) {
        return new LoopbackServer(req -> {
            if (req.path().equals("/biz/") && req.query() != null && req.query().contains("task=search2")) {
                Matcher m = OFFSET.matcher(req.query());
                int offset = m.find() ? Integer.parseInt(m.group(1)) : 0;
                if (failPage.test(offset / 24)) return Reply.of(500, "<html>502 Bad Gateway</html>");
                return Reply.of(200, rewrite.apply(offset / 24, searchPage(offset, total)));
            }
            if (req.path().startsWith("/biz/thread/")) {
                long no = Long.parseLong(req.path().substring("/biz/thread/".length()));
                return Reply.of(200, threadPage(no));
            }
            if (req.path().startsWith("/data/biz/thumb/")) {
                return new Reply(200, new byte[]{(byte) 0xFF, (byte) 0xD8, 9}, java.util.Map.of(), 0);
            }
            return Reply.of(404, "not found");
        });
    }

    static String searchPage(int offset, int total) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><title>/biz/ - Search: coin</title></head><body><div class=content><h2>Search: coin</h2>");
        if (offset >= total) return "<html><body><div class=sidebar></div><p>No posts found</p></body></html>";
        for (int i = offset; i < Math.min(offset + 24, total); i++) sb.append(hit(FIRST - i, FIRST_SECOND - i * 3600L));
        return sb.append("</div>").append(navigation(offset)).append("</body></html>").toString();
    }

    /** Fuuka's pager, printed after the results whatever their number (it offers +24 even on the last page). */
    static String navigation(int offset) {
        StringBuilder sb = new StringBuilder("<table style=\"float:left\"><tbody><tr><td colspan=\"4\" class=\"theader\">Navigation</td></tr>"
                + "<tr><td class=\"postblock\">View posts</td>");
        for (int d : new int[]{-24, 24, 48}) {
            if (offset + d >= 0) sb.append("<td>[<a href=\"/biz/?task=search2&amp;offset=").append(offset + d).append("\">")
                    .append(d < 0 ? "" : "+").append(d).append("</a>]</td>");
        }
        return sb.append("</tr></tbody></table>").toString();
    }

    private static String hit(long no, long second) {
        long tim = second * 1000 + 123;
        return """
                <table><tr><td class=doubledash>&gt;&gt;</td><td class="comment reply" id=p%d>
                <label><span class=filetitle>coin thread %d</span> <span class="postername ">Anonymous</span>
                <span class=posttime title=%d000>x</span></label>
                <a class=js href=/biz/thread/%d>No.%d</a> [<a href=/biz/thread/%d>View</a>]<br>
                <span class=fileinfo> File: 10 KB, 100x100, a.jpg</span><br>
                <a href=/data/biz/img/0620/00/%d.jpg><img class=thumb src=/data/biz/thumb/0620/00/%ds.jpg alt=%d width=100 height=100></a>
                <blockquote>$BTC number %d</blockquote></td></tr></table>
                """.formatted(no, no, second, no, no, no, tim, tim, no, no);
    }

    static String threadPage(long no) {
        String replies = ("<table><tr><td class=doubledash>&gt;&gt;</td><td class=reply id=p%d1><span class=posttime title=1761000000000>x</span>"
                + "<blockquote>reply</blockquote></td></tr></table>").formatted(no).repeat(3);
        return "<html><body><div class=content><div id=p" + no + "><label><span class=posttime title=1761000000000>x</span></label>"
                + "<blockquote><p>$BTC number " + no + "</p></blockquote></div>" + replies + "</div></body></html>";
    }
}
