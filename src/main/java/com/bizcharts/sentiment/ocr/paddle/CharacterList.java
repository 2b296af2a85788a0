package com.bizcharts.sentiment.ocr.paddle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The recogniser's classes as PaddleOCR numbers them: 0 is the CTC blank, 1..n the characters of the list file in its
 * order (one per line), n + 1 a space ({@code use_space_char}). {@code ppocr_keys_v1.txt} gives 6,625 classes.
 */
public final class CharacterList {

    public static final int BLANK = 0;

    private final String[] symbols;

    private CharacterList(List<String> characters) {
        symbols = new String[characters.size() + 2];
        symbols[BLANK] = "";
        for (int i = 0; i < characters.size(); i++) symbols[i + 1] = characters.get(i);
        symbols[symbols.length - 1] = " ";
    }

    /** The classes for these characters, in order, plus the blank before and the space after. */
    public static CharacterList of(List<String> characters) {
        return new CharacterList(List.copyOf(characters));
    }

    /** Reads a list file: UTF-8, one character per line; line ends (\n or \r\n) are not part of a character. */
    public static CharacterList read(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) out.add(line);
        }
        return of(out);
    }

    /** Classes the recogniser must output: blank + characters + space. */
    public int classes() {
        return symbols.length;
    }

    /** The text of class {@code index} (empty for the blank). */
    public String symbol(int index) {
        return symbols[index];
    }
}
