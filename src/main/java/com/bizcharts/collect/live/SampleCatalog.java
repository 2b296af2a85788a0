package com.bizcharts.collect.live;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Builds a catalog.json in 4chan's real shape (10 pages of 15 threads, escaped slashes, entities, greentext,
 * stickies, deleted files, webm OPs) from a seed, for benchmarks and demos without the network.
 */
public final class SampleCatalog {

    private static final String[] COINS = {"BTC", "ETH", "LINK", "SOL", "XMR", "PEPE"};

    private SampleCatalog() {
    }

    public static byte[] generate(int threads, long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder(threads * 1200).append('[');
        int perPage = 15;
        long baseNo = 60_000_000L;
        long baseTime = 1_760_000_000L;
        for (int i = 0; i < threads; i++) {
            if (i % perPage == 0) {
                if (i > 0) sb.append("]},");
                sb.append("{\"page\":").append(i / perPage + 1).append(",\"threads\":[");
            } else {
                sb.append(',');
            }
            long no = baseNo + i * 37L;
            long time = baseTime + i * 60L;
            String coin = COINS[rnd.nextInt(COINS.length)];
            sb.append("{\"no\":").append(no).append(",\"now\":\"10\\/09\\/25(Thu)01:57:59\",\"name\":\"Anonymous\"");
            if (i == 0) sb.append(",\"sticky\":1,\"closed\":1");
            if (i % 3 == 0) sb.append(",\"sub\":\"").append(coin).append(" general &amp; more\"");
            sb.append(",\"com\":\"<span class=\\\"quote\\\">&gt;he bought ").append(coin)
                    .append(" at the top<\\/span><br>it&#039;s over <a href=\\\"#p").append(no - 5)
                    .append("\\\" class=\\\"quotelink\\\">&gt;&gt;").append(no - 5).append("<\\/a><br>https:\\/\\/example.com\\/")
                    .append(coin.toLowerCase()).append("<wbr>chart <s>ngmi<\\/s>\"");
            if (i % 11 == 5) {
                sb.append(",\"filedeleted\":1");
            } else {
                long tim = time * 1000 + rnd.nextInt(1000);
                String ext = i % 7 == 3 ? ".webm" : i % 5 == 1 ? ".gif" : ".jpg";
                sb.append(",\"filename\":\"chart").append(i).append("\",\"ext\":\"").append(ext)
                        .append("\",\"w\":1024,\"h\":768,\"tn_w\":250,\"tn_h\":187,\"tim\":").append(tim)
                        .append(",\"md5\":\"uZUeZeB14FVR+Mc2ScHvVA==\",\"fsize\":").append(50_000 + rnd.nextInt(900_000));
            }
            int replies = rnd.nextInt(300);
            sb.append(",\"time\":").append(time).append(",\"resto\":0,\"bumplimit\":0,\"imagelimit\":0")
                    .append(",\"semantic_url\":\"thread-").append(i).append("\",\"replies\":").append(replies)
                    .append(",\"images\":").append(replies / 4).append(",\"last_modified\":").append(time + 500)
                    .append('}');
        }
        sb.append(threads > 0 ? "]}]" : "]");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
