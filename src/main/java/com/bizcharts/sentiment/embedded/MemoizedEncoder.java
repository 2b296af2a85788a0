package com.bizcharts.sentiment.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each text's vector, for cross-validation: every fold trains on and predicts the same posts, and the
 * encoder costs ~10 ms a post where the rest of training costs microseconds. Lives as long as one command.
 */
public final class MemoizedEncoder implements TextEncoder {

    private final TextEncoder inner;
    private final Map<String, double[]> seen = new ConcurrentHashMap<>();

    public MemoizedEncoder(TextEncoder inner) {
        this.inner = inner;
    }

    /** A source whose encoders remember; each name's encoder is wrapped once. */
    public static Source over(Source source) {
        Map<String, TextEncoder> wrapped = new ConcurrentHashMap<>();
        return name -> wrapped.computeIfAbsent(name, n -> new MemoizedEncoder(source.find(n)));
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public double[][] encode(List<String> texts) {
        List<String> missing = new ArrayList<>();
        for (String t : texts) if (!seen.containsKey(t) && !missing.contains(t)) missing.add(t);
        if (!missing.isEmpty()) {
            double[][] fresh = inner.encode(missing);
            for (int i = 0; i < fresh.length; i++) seen.put(missing.get(i), fresh[i]);
        }
        double[][] out = new double[texts.size()][];
        for (int i = 0; i < out.length; i++) out[i] = seen.get(texts.get(i));
        return out;
    }
}
