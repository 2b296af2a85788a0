package com.bizcharts.coins;

import com.bizcharts.collect.CommentHtml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Coin mentions of a labeled posts file before issue 15 ({@link PreviousCoinExtractor}) and now ({@link CoinExtractor}):
 * posts per coin, mentions per rule, and every mention removed or added for the most affected coins, as Markdown for
 * {@code docs/store.md}. A figure, not a test:
 * <pre>
 * ./mvnw -q -o test-compile
 * ./mvnw -q -o org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.bizcharts.coins.CoinMentionsReport -Dexec.args=../shared/data/biz-labels/train.jsonl
 * </pre>
 */
public final class CoinMentionsReport {

    /** One labeled post; {@code rating} 1 bearish, 2 neutral, 3 bullish. */
    record Post(long threadId, String subject, String text, int rating) {}

    /** A post's coins before (confidence) and after (rule); a side is null where that extractor found none. */
    record Change(Post post, String symbol, Double before, MentionRule after) {}

    private static final String[] LABELS = {"?", "bearish", "neutral", "bullish"};

    private CoinMentionsReport() {}

    /**
     * Arguments: the labeled posts (.jsonl; default {@code ../shared/data/biz-labels/train.jsonl}), then any 4chan
     * JSON payloads of other boards (catalogs, threads): posts where no coin talk is expected, so every mention found
     * there is listed.
     */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : com.bizcharts.shared.SharedData.find("data/biz-labels/train.jsonl")
                .orElseThrow(() -> new IllegalArgumentException("give a labeled posts file (.jsonl)"));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PreviousCoinExtractor before = PreviousCoinExtractor.overBundledList();
        CoinExtractor after = new CoinExtractor(CoinList.load(null));
        out.println("## " + file.getFileName());
        out.println();
        print(out, read(file), before, after, 10);
        List<Post> other = new ArrayList<>();
        for (int i = 1; i < args.length; i++) other.addAll(readFourChan(Path.of(args[i])));
        if (!other.isEmpty()) {
            out.println("## Other boards: " + (args.length - 1) + " 4chan payloads");
            out.println();
            print(out, other, before, after, 10);
            out.println("Every mention found there now:");
            out.println();
            for (Change c : compare(other, before, after)) {
                if (c.after() != null) out.printf(Locale.ROOT, "- %s (%s): `%s`%n", c.symbol(), c.after().id(), excerpt(c.post(), c.symbol()));
            }
            out.println();
        }
        out.flush();
    }

    /** Every post in a 4chan API payload (a catalog's OPs and last replies, a thread's posts), markup removed. */
    static List<Post> readFourChan(Path file) throws IOException {
        List<Post> posts = new ArrayList<>();
        collectPosts(new ObjectMapper().readTree(file.toFile()), posts);
        return posts;
    }

    private static void collectPosts(JsonNode n, List<Post> into) {
        if (n.isObject() && n.has("no") && (n.has("com") || n.has("sub"))) {
            into.add(new Post(n.path("no").asLong(), CommentHtml.subject(n.path("sub").asText("")),
                    CommentHtml.toText(n.path("com").asText("")), 0));
        }
        if (n.isContainerNode()) n.forEach(child -> collectPosts(child, into));
    }

    static List<Post> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Post> posts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            posts.add(new Post(n.path("thread_id").asLong(), n.path("subject").asText(""), n.path("text").asText(""),
                    n.path("rating").asInt(0)));
        }
        return posts;
    }

    /** Every post's coins, before and after, subject and text together. */
    static List<Change> compare(List<Post> posts, PreviousCoinExtractor before, CoinExtractor after) {
        List<Change> all = new ArrayList<>();
        for (Post p : posts) {
            Map<String, Double> b = new TreeMap<>();
            before.inPost(p.subject(), p.text()).forEach(m -> b.merge(m.symbol(), m.confidence(), Math::max));
            Map<String, MentionRule> a = new TreeMap<>();
            after.inPost(p.subject(), p.text()).forEach(m -> a.merge(m.symbol(), m.rule(),
                    (x, y) -> x.confidence() >= y.confidence() ? x : y));
            TreeSet<String> coins = new TreeSet<>(b.keySet());
            coins.addAll(a.keySet());
            for (String c : coins) all.add(new Change(p, c, b.get(c), a.get(c)));
        }
        return all;
    }

    static void print(PrintWriter out, List<Post> posts, PreviousCoinExtractor before, CoinExtractor after, int mostAffected) {
        List<Change> all = compare(posts, before, after);
        Map<String, int[]> perCoin = new TreeMap<>(); // before, after, removed, added, bearish before, bearish after
        for (Change c : all) {
            int[] n = perCoin.computeIfAbsent(c.symbol(), k -> new int[6]);
            boolean bearish = c.post().rating() == 1;
            if (c.before() != null) { n[0]++; if (bearish) n[4]++; }
            if (c.after() != null) { n[1]++; if (bearish) n[5]++; }
            if (c.before() != null && c.after() == null) n[2]++;
            if (c.before() == null && c.after() != null) n[3]++;
        }
        out.printf(Locale.ROOT, "%d posts; coin mentions (posts mentioning the coin): %d before, %d after.%n%n", posts.size(),
                all.stream().filter(c -> c.before() != null).count(), all.stream().filter(c -> c.after() != null).count());
        out.println("| coin | before | after | removed | added | bearish before | bearish after |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        perCoin.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -Math.max(e.getValue()[0], e.getValue()[1]))
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    int[] n = e.getValue();
                    out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |%n", e.getKey(), n[0], n[1], n[2], n[3], n[4], n[5]);
                });
        out.println();
        Map<MentionRule, Integer> rules = new TreeMap<>();
        all.stream().filter(c -> c.after() != null).forEach(c -> rules.merge(c.after(), 1, Integer::sum));
        out.println("| rule (after) | confidence | mentions |");
        out.println("|---|---:|---:|");
        rules.forEach((r, n) -> out.printf(Locale.ROOT, "| %s | %.2f | %d |%n", r.id(), r.confidence(), n));
        out.println();
        List<String> affected = perCoin.entrySet().stream().filter(e -> e.getValue()[2] + e.getValue()[3] > 0)
                .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -(e.getValue()[2] + e.getValue()[3]))
                        .thenComparing(Map.Entry::getKey))
                .limit(mostAffected).map(Map.Entry::getKey).toList();
        out.printf(Locale.ROOT, "Every mention removed or added, for the %d most affected coins:%n%n", affected.size());
        for (String coin : affected) {
            out.println("**" + coin + "**");
            out.println();
            for (Change c : all) {
                if (!c.symbol().equals(coin) || (c.before() == null) == (c.after() == null)) continue;
                String what = c.after() == null ? String.format(Locale.ROOT, "removed (was %.2f)", c.before()) : "added (" + c.after().id() + ")";
                out.printf(Locale.ROOT, "- %d, %s, %s: `%s`%n", c.post().threadId(), LABELS[Math.max(0, Math.min(3, c.post().rating()))],
                        what, excerpt(c.post(), coin));
            }
            out.println();
        }
    }

    /** Some 50 characters either side of where the coin stands: its ticker in capitals, in any case, or a name. */
    static String excerpt(Post p, String symbol) {
        String subject = p.subject() == null ? "" : p.subject();
        String t = (subject.isBlank() ? "" : subject + " || ") + (p.text() == null ? "" : p.text());
        List<Pattern> tries = new ArrayList<>(List.of(word(symbol, 0), word(symbol, Pattern.CASE_INSENSITIVE)));
        COINS.stream().filter(c -> c.symbol().equals(symbol))
                .forEach(c -> Stream.concat(c.names().stream(), c.aliases().stream())
                        .forEach(n -> tries.add(word(n, Pattern.CASE_INSENSITIVE))));
        int at = 0, length = symbol.length();
        for (Pattern w : tries) {
            Matcher m = w.matcher(t);
            if (m.find()) {
                at = m.start();
                length = m.end() - m.start();
                break;
            }
        }
        int from = Math.max(0, at - 50), to = Math.min(t.length(), at + length + 50);
        return (from > 0 ? "…" : "") + t.substring(from, to).replace("\n", " ⏎ ").replace("`", "'") + (to < t.length() ? "…" : "");
    }

    private static final List<Coin> COINS = CoinList.load(null);

    private static Pattern word(String s, int flags) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])\\$?" + Pattern.quote(s).replace(" ", "\\E\\s+\\Q") + "(?![\\p{L}\\p{N}])", flags);
    }
}
