package com.bizcharts.collect;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.regex.Pattern;

/**
 * Turns 4chan comment HTML (as found in {@code com}, and in Warosu pages) into the plain text that models and
 * labelers read. {@code <br>} becomes a line break, {@code <wbr>} disappears (it splits URLs and tickers), quote links
 * stay as their {@code >>123} text, greentext stays as {@code >} lines, spoilers and links keep their text, entities
 * are decoded. Raw newlines in the markup are layout, as in a browser (mod posts put one after {@code <br>}; Warosu
 * wraps its paragraphs in them), and 4chan's leftover {@code [Embed]} text goes. Invalid markup (4chan nests
 * {@code <a>} in {@code <a>}) is tolerated, never rejected. Works on the HTML Warosu serves too.
 */
public final class CommentHtml {

    private static final Pattern EMBED = Pattern.compile(" ?\\[Embed]");
    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t\\u00A0]+\\n");
    private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");

    private CommentHtml() {
    }

    /** The clean text of a comment; null or blank HTML gives an empty string. */
    public static String toText(String html) {
        if (html == null || html.isBlank()) return "";
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.traverse(new TextCollector(out), body);
        String text = EMBED.matcher(out).replaceAll("");
        text = TRAILING_SPACES.matcher(text.replace('\u00A0', ' ')).replaceAll("\n");
        text = BLANK_RUNS.matcher(text).replaceAll("\n\n");
        return text.strip();
    }

    /** Decodes entities in a subject (HTML-escaped in the API, no markup); blank subjects are absent (null). */
    public static String subject(String html) {
        if (html == null) return null;
        String s = Jsoup.parseBodyFragment(html).body().text().strip();
        return s.isEmpty() ? null : s;
    }

    /** Decodes entities in a plain field that 4chan HTML-escapes ({@code sub}, {@code filename}); null stays null. */
    public static String unescape(String escaped) {
        return escaped == null ? null : Parser.unescapeEntities(escaped, false);
    }

    private record TextCollector(StringBuilder out) implements NodeVisitor {
        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendText(text.getWholeText());
            } else if (node instanceof Element el) {
                switch (el.normalName()) {
                    case "br" -> out.append('\n');
                    case "p", "div", "pre" -> newLineIfNeeded();
                    default -> { }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element el && switch (el.normalName()) {
                case "p", "div", "pre" -> true;
                default -> false;
            }) {
                newLineIfNeeded();
            }
        }

        /** Raw newlines in the HTML are layout, not line breaks (some posts carry one after each {@code <br>}). */
        private void appendText(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\r') continue;
                if (c == '\n') {
                    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') out.append(' ');
                } else {
                    out.append(c);
                }
            }
        }

        private void newLineIfNeeded() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') out.append('\n');
        }
    }
}
