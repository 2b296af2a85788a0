package com.bizcharts.collect;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns a 4chan comment's HTML into the plain text labelers and models read: {@code <br>} becomes a line break,
 * {@code <wbr>} disappears (4chan inserts it inside long words and URLs), quote links and dead links keep their
 * {@code >>123} text, greentext keeps its {@code >} so quote lines stay lines, spoilers and links keep their text,
 * and entities are decoded. Works on the HTML Warosu serves too, which uses the same conventions.
 */
public final class CommentHtml {

    private CommentHtml() {}

    public static String toText(String html) {
        if (html == null || html.isBlank()) return "";
        Document doc = Jsoup.parseBodyFragment(html);
        StringBuilder sb = new StringBuilder();
        append(doc.body(), sb);
        return tidy(sb.toString());
    }

    /** Decodes entities in a subject (HTML-escaped in the API, no markup). */
    public static String subject(String html) {
        if (html == null) return null;
        String s = Jsoup.parseBodyFragment(html).body().text().strip();
        return s.isEmpty() ? null : s;
    }

    private static void append(Node node, StringBuilder sb) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                sb.append(t.getWholeText());
            } else if (child instanceof Element e) {
                switch (e.normalName()) {
                    case "br" -> sb.append('\n');
                    case "wbr" -> { }
                    case "p", "div", "pre" -> {
                        if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') sb.append('\n');
                        append(e, sb);
                        sb.append('\n');
                    }
                    default -> append(e, sb);
                }
            }
        }
    }

    /** Trims every line's trailing blanks and the text's leading and trailing blank lines; keeps inner empty lines. */
    private static String tidy(String text) {
        String normalised = text.replace('\u00A0', ' ').replace("\r\n", "\n");
        StringBuilder out = new StringBuilder();
        for (String line : normalised.split("\n", -1)) out.append(line.stripTrailing()).append('\n');
        return out.toString().strip();
    }
}
