package com.bizcharts.sentiment.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.bizcharts.sentiment.lexicon.VaderRules.BOOSTERS;
import static com.bizcharts.sentiment.lexicon.VaderRules.C_INCR;
import static com.bizcharts.sentiment.lexicon.VaderRules.NEGATE;
import static com.bizcharts.sentiment.lexicon.VaderRules.N_SCALAR;
import static com.bizcharts.sentiment.lexicon.VaderRules.SPECIAL_CASES;

/**
 * The VADER algorithm (Hutto and Gilbert, ICWSM 2014), following vaderSentiment 3.3.2 rule for rule so its
 * published outputs are reproduced: booster and dampener words, ALL-CAPS emphasis when the text has mixed case,
 * negation up to three words back ("never so" and "without doubt" as special cases), "least", "but" shifting weight
 * to the clause after it, "!" and "?" amplification, special-case bigrams, normalisation with alpha = 15.
 * Emoji are not translated to words (the emoji lexicon is not shipped); emoticons like ":)" are in the lexicon.
 */
public final class Vader {

    private final Map<String, Double> lexicon;

    public Vader(Map<String, Double> lexicon) {
        this.lexicon = lexicon;
    }

    public VaderScores score(String text) {
        if (text == null || text.isBlank()) return VaderScores.EMPTY;
        String stripped = text.strip();
        List<String> words = words(stripped);
        boolean capDiff = allCapDifferential(words);
        List<Double> sentiments = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String lower = lower(words.get(i));
            if (BOOSTERS.containsKey(lower)) {
                sentiments.add(0.0);
                continue;
            }
            if (i < words.size() - 1 && lower.equals("kind") && lower(words.get(i + 1)).equals("of")) {
                sentiments.add(0.0);
                continue;
            }
            sentiments.add(valence(words, i, capDiff));
        }
        butCheck(words, sentiments);
        return scoreValence(sentiments, stripped);
    }

    private double valence(List<String> words, int i, boolean capDiff) {
        String item = words.get(i);
        String lower = lower(item);
        Double base = lexicon.get(lower);
        if (base == null) return 0;
        double valence = base;
        if (lower.equals("no") && i != words.size() - 1 && lexicon.containsKey(lower(words.get(i + 1)))) valence = 0;
        if ((i > 0 && lower(words.get(i - 1)).equals("no"))
                || (i > 1 && lower(words.get(i - 2)).equals("no"))
                || (i > 2 && lower(words.get(i - 3)).equals("no") && List.of("or", "nor").contains(lower(words.get(i - 1))))) {
            valence = base * N_SCALAR;
        }
        if (isUpper(item) && capDiff) valence += valence > 0 ? C_INCR : -C_INCR;
        for (int start = 0; start < 3; start++) {
            if (i > start && !lexicon.containsKey(lower(words.get(i - (start + 1))))) {
                double s = scalarIncDec(words.get(i - (start + 1)), valence, capDiff);
                if (start == 1 && s != 0) s *= 0.95;
                if (start == 2 && s != 0) s *= 0.9;
                valence += s;
                valence = negationCheck(valence, words, start, i);
                if (start == 2) valence = specialIdioms(valence, words, i);
            }
        }
        return leastCheck(valence, words, i);
    }

    private static double scalarIncDec(String word, double valence, boolean capDiff) {
        double scalar = 0;
        Double b = BOOSTERS.get(lower(word));
        if (b != null) {
            scalar = b;
            if (valence < 0) scalar *= -1;
            if (isUpper(word) && capDiff) scalar += valence > 0 ? C_INCR : -C_INCR;
        }
        return scalar;
    }

    private static double negationCheck(double valence, List<String> w, int start, int i) {
        String m1 = lower(w.get(i - 1));
        if (start == 0) {
            if (negated(m1)) valence *= N_SCALAR;
        } else if (start == 1) {
            String m2 = lower(w.get(i - 2));
            if (m2.equals("never") && (m1.equals("so") || m1.equals("this"))) valence *= 1.25;
            else if (m2.equals("without") && m1.equals("doubt")) valence = valence * 1;
            else if (negated(m2)) valence *= N_SCALAR;
        } else {
            String m2 = lower(w.get(i - 2)), m3 = lower(w.get(i - 3));
            if ((m3.equals("never") && (m2.equals("so") || m2.equals("this"))) || (m1.equals("so") || m1.equals("this"))) {
                valence *= 1.25;
            } else if (m3.equals("without") && (m2.equals("doubt") || m1.equals("doubt"))) {
                valence = valence * 1;
            } else if (negated(m3)) {
                valence *= N_SCALAR;
            }
        }
        return valence;
    }

    private static double specialIdioms(double valence, List<String> w, int i) {
        String z = lower(w.get(i)), m1 = lower(w.get(i - 1)), m2 = lower(w.get(i - 2)), m3 = lower(w.get(i - 3));
        for (String seq : List.of(m1 + " " + z, m2 + " " + m1 + " " + z, m2 + " " + m1, m3 + " " + m2 + " " + m1, m3 + " " + m2)) {
            if (SPECIAL_CASES.containsKey(seq)) {
                valence = SPECIAL_CASES.get(seq);
                break;
            }
        }
        if (w.size() - 1 > i) {
            String zo = z + " " + lower(w.get(i + 1));
            if (SPECIAL_CASES.containsKey(zo)) valence = SPECIAL_CASES.get(zo);
        }
        if (w.size() - 1 > i + 1) {
            String zot = z + " " + lower(w.get(i + 1)) + " " + lower(w.get(i + 2));
            if (SPECIAL_CASES.containsKey(zot)) valence = SPECIAL_CASES.get(zot);
        }
        for (String n : List.of(m3 + " " + m2 + " " + m1, m3 + " " + m2, m2 + " " + m1)) {
            Double b = BOOSTERS.get(n);
            if (b != null) valence += b;
        }
        return valence;
    }

    private double leastCheck(double valence, List<String> w, int i) {
        if (i > 1 && !lexicon.containsKey(lower(w.get(i - 1))) && lower(w.get(i - 1)).equals("least")) {
            String m2 = lower(w.get(i - 2));
            if (!m2.equals("at") && !m2.equals("very")) valence *= N_SCALAR;
        } else if (i > 0 && !lexicon.containsKey(lower(w.get(i - 1))) && lower(w.get(i - 1)).equals("least")) {
            valence *= N_SCALAR;
        }
        return valence;
    }

    /**
     * "but": halves what comes before it and adds half to what comes after. Reproduces the reference code's
     * quirk of locating each value by its first equal occurrence, so published scores match exactly.
     */
    private static void butCheck(List<String> words, List<Double> s) {
        int bi = -1;
        for (int k = 0; k < words.size(); k++) {
            if (lower(words.get(k)).equals("but")) { bi = k; break; }
        }
        if (bi < 0) return;
        for (int k = 0; k < s.size(); k++) {
            double sentiment = s.get(k);
            int si = firstEqual(s, sentiment);
            if (si < bi) s.set(si, sentiment * 0.5);
            else if (si > bi) s.set(si, sentiment * 1.5);
        }
    }

    /** Python's list.index: numeric equality, so 0.0 and -0.0 are the same value. */
    private static int firstEqual(List<Double> s, double v) {
        for (int k = 0; k < s.size(); k++) if (s.get(k) == v) return k;
        return -1;
    }

    private static VaderScores scoreValence(List<Double> sentiments, String text) {
        if (sentiments.isEmpty()) return VaderScores.EMPTY;
        double sum = 0;
        for (double d : sentiments) sum += d;
        double punct = punctuationEmphasis(text);
        if (sum > 0) sum += punct;
        else if (sum < 0) sum -= punct;
        double compound = normalize(sum);
        double pos = 0, neg = 0;
        int neu = 0;
        for (double d : sentiments) {
            if (d > 0) pos += d + 1;
            if (d < 0) neg += d - 1;
            if (d == 0) neu++;
        }
        if (pos > Math.abs(neg)) pos += punct;
        else if (pos < Math.abs(neg)) neg -= punct;
        double total = pos + Math.abs(neg) + neu;
        return new VaderScores(round(Math.abs(neg / total), 3), round(Math.abs(neu / total), 3),
                round(Math.abs(pos / total), 3), round(compound, 4));
    }

    private static double punctuationEmphasis(String text) {
        long ep = Math.min(4, text.chars().filter(c -> c == '!').count());
        long qm = text.chars().filter(c -> c == '?').count();
        double qmAmp = qm > 1 ? (qm <= 3 ? qm * 0.18 : 0.96) : 0;
        return ep * 0.292 + qmAmp;
    }

    static double normalize(double score) {
        double n = score / Math.sqrt(score * score + 15);
        return Math.max(-1, Math.min(1, n));
    }

    /** Python's round() on these magnitudes (half-to-even only differs on exact binary ties, which do not occur). */
    private static double round(double v, int places) {
        return new java.math.BigDecimal(Double.toString(v)).setScale(places, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private static boolean negated(String lowerWord) {
        return NEGATE.contains(lowerWord) || lowerWord.contains("n't");
    }

    /** Whitespace tokens with surrounding punctuation removed, unless that leaves two characters or fewer (":)"). */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String token : text.split("\\s+")) {
            if (token.isEmpty()) continue;
            String stripped = stripPunctuation(token);
            out.add(stripped.length() <= 2 ? token : stripped);
        }
        return out;
    }

    private static String stripPunctuation(String token) {
        int a = 0, b = token.length();
        while (a < b && isPunct(token.charAt(a))) a++;
        while (b > a && isPunct(token.charAt(b - 1))) b--;
        return token.substring(a, b);
    }

    private static boolean isPunct(char c) {
        return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }

    private static boolean allCapDifferential(List<String> words) {
        long caps = words.stream().filter(Vader::isUpper).count();
        long diff = words.size() - caps;
        return diff > 0 && diff < words.size();
    }

    /** Python's str.isupper(): at least one cased character, and every cased one upper case. */
    static boolean isUpper(String s) {
        boolean cased = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isLowerCase(c)) return false;
            if (Character.isUpperCase(c)) cased = true;
        }
        return cased;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
