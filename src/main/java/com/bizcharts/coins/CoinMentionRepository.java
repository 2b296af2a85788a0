package com.bizcharts.coins;

import com.bizcharts.store.SqlBatches;
import com.bizcharts.store.ThreadOp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;

/**
 * Coin mentions in the store. Extraction is re-run whenever a thread is stored, and a thread's subject/text
 * mentions are replaced as a whole, so an edited coin list takes effect on the next sighting. OCR mentions are
 * written by the OCR pass and left alone here.
 */
public final class CoinMentionRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CoinExtractor extractor;

    public CoinMentionRepository(CoinExtractor extractor) {
        this.extractor = extractor;
    }

    /** Extracts and stores the mentions of these threads inside the caller's transaction; returns them per thread. */
    public Map<Long, List<CoinMention>> record(DSLContext ctx, Collection<ThreadOp> ops) {
        Map<Long, List<CoinMention>> all = new HashMap<>();
        if (ops.isEmpty()) return all;
        // Few statements, each of bounded size: a catalog (150 threads) is one delete and one insert, while a 100,000-row
        // labels file is split (SqlBatches), since statements cost more than rows but SQLite refuses giant ones.
        for (List<Long> ids : SqlBatches.idChunks(ops.stream().map(ThreadOp::threadId).distinct().toList())) {
            ctx.deleteFrom(COIN_MENTIONS).where(COIN_MENTIONS.THREAD_ID.in(ids))
                    .and(COIN_MENTIONS.MENTION_SOURCE.in(CoinMention.SUBJECT, CoinMention.TEXT)).execute();
        }
        List<Row> rows = new ArrayList<>();
        for (ThreadOp op : ops) {
            List<CoinMention> mentions = extractor.inThread(op);
            for (CoinMention m : mentions) rows.add(new Row(op.threadId(), m));
            all.put(op.threadId(), mentions);
        }
        for (List<Row> chunk : SqlBatches.chunks(rows, SqlBatches.rowsPerInsert(5))) {
            var insert = ctx.insertInto(COIN_MENTIONS, COIN_MENTIONS.THREAD_ID, COIN_MENTIONS.COIN_SYMBOL,
                    COIN_MENTIONS.CONFIDENCE, COIN_MENTIONS.MENTION_SOURCE, COIN_MENTIONS.MENTION_RULE);
            for (Row r : chunk) {
                insert = insert.values(r.threadId(), r.mention().symbol(), r.mention().confidence(), r.mention().source(),
                        r.mention().rule().id());
            }
            insert.onConflictDoNothing().execute();
        }
        return all;
    }

    private record Row(long threadId, CoinMention mention) {}

    /** Records the mentions and summarises the most mentioned coins as the snapshot's top-coins JSON. */
    public String recordAndSummarise(DSLContext ctx, Collection<ThreadOp> ops) {
        Map<String, Integer> threadsPerCoin = new HashMap<>();
        record(ctx, ops).values().forEach(list -> list.stream().map(CoinMention::symbol).distinct()
                .forEach(s -> threadsPerCoin.merge(s, 1, Integer::sum)));
        ArrayNode top = JSON.createArrayNode();
        threadsPerCoin.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10)
                .forEach(e -> top.addObject().put("symbol", e.getKey()).put("mentions", e.getValue()));
        return top.toString();
    }

    /** Adds mentions found outside the OP's text (in its thumbnail, by OCR), inside the caller's transaction. */
    public void add(DSLContext ctx, long threadId, List<CoinMention> mentions) {
        for (CoinMention m : mentions) {
            ctx.insertInto(COIN_MENTIONS).set(COIN_MENTIONS.THREAD_ID, threadId).set(COIN_MENTIONS.COIN_SYMBOL, m.symbol())
                    .set(COIN_MENTIONS.CONFIDENCE, m.confidence()).set(COIN_MENTIONS.MENTION_SOURCE, m.source())
                    .set(COIN_MENTIONS.MENTION_RULE, m.rule().id())
                    .onConflictDoNothing().execute();
        }
    }

    /** Mentions of one thread (all sources), surest first: the label view's coin chips. */
    public List<CoinMention> ofThread(DSLContext ctx, long threadId) {
        return ctx.selectFrom(COIN_MENTIONS).where(COIN_MENTIONS.THREAD_ID.eq(threadId))
                .orderBy(COIN_MENTIONS.CONFIDENCE.desc(), COIN_MENTIONS.COIN_SYMBOL)
                .fetch(r -> new CoinMention(r.getCoinSymbol(), r.getConfidence(), r.getMentionSource(),
                        MentionRule.ofId(r.getMentionRule())));
    }

    public CoinExtractor extractor() {
        return extractor;
    }
}
