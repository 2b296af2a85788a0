package com.bizcharts.sentiment.lexicon;


import java.util.LinkedHashMap;
import java.util.Map;

/** The lexicon as the models read it: VADER + slang scores and the slang phrase counts. */
public final class LexiconSignal implements LexiconReading.Source {

    private final BizLexicon lexicon;

    public LexiconSignal(BizLexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public LexiconReading read(String text) {
        BizLexicon.SlangReading r = lexicon.slang(text);
        return new LexiconReading(r.scores().compound(), r.scores().pos(), r.scores().neg(), r.bullishHits(), r.bearishHits());
    }

    /** VADER alone, as {neg, neu, pos, compound}, for {@code sentiment --json}'s {@code vader} member. */
    public Map<String, Double> vader(String text) {
        VaderScores v = lexicon.vader(text);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("neg", v.neg());
        m.put("neu", v.neu());
        m.put("pos", v.pos());
        m.put("compound", v.compound());
        return m;
    }
}
