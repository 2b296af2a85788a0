package com.bizcharts.sentiment.lexicon;

import java.util.Map;
import java.util.Set;

/** VADER's fixed word lists and constants (Hutto and Gilbert 2014; vaderSentiment 3.3.2). */
final class VaderRules {

    static final double B_INCR = 0.293;
    static final double B_DECR = -0.293;
    static final double C_INCR = 0.733;
    static final double N_SCALAR = -0.74;

    static final Set<String> NEGATE = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent",
            "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't",
            "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt",
            "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't",
            "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    static final Map<String, Double> BOOSTERS = boosters();

    static final Map<String, Double> SPECIAL_CASES = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5,
            "badass", 1.5, "bus stop", 0.0, "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9);

    private static Map<String, Double> boosters() {
        Map<String, Double> m = new java.util.HashMap<>();
        for (String w : ("absolutely amazingly awfully completely considerable considerably decidedly deeply effing "
                + "enormous enormously entirely especially exceptional exceptionally extreme extremely fabulously "
                + "flipping flippin frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin "
                + "fugging greatly hella highly hugely incredible incredibly intensely major majorly more most "
                + "particularly purely quite really remarkably so substantially thoroughly total totally tremendous "
                + "tremendously uber unbelievably unusually utter utterly very").split(" ")) {
            m.put(w, B_INCR);
        }
        for (String w : ("almost barely hardly less little marginal marginally occasional occasionally partly scarce "
                + "scarcely slight slightly somewhat kinda kindof kind-of sorta sortof sort-of").split(" ")) {
            m.put(w, B_DECR);
        }
        m.put("just enough", B_DECR);
        m.put("kind of", B_DECR);
        m.put("sort of", B_DECR);
        return Map.copyOf(m);
    }

    private VaderRules() {}
}
