package com.bizcharts.ui.label;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The labeling guidelines the label view shows with H: the user's own file when the settings name one, else the
 * bundled {@code docs/labeling-guidelines.md}. Markdown is shown as plain text with its emphasis marks taken out.
 */
public final class LabelGuidelines {

    static final String BUNDLED = "/com/bizcharts/docs/labeling-guidelines.md";

    private LabelGuidelines() {}

    /** The guidelines' text; a file that cannot be read says so in the panel rather than failing the view. */
    public static String load(Optional<Path> own) {
        if (own.isPresent()) {
            try {
                return plain(Files.readString(own.get(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return "The guidelines file " + own.get() + " cannot be read (" + e.getMessage() + ").\n"
                        + "Fix [labeling] guidelines in the settings, or leave it empty for the bundled guidelines.";
            }
        }
        try (InputStream in = LabelGuidelines.class.getResourceAsStream(BUNDLED)) {
            if (in == null) return "The bundled guidelines are missing from this build: see docs/labeling-guidelines.md.";
            return plain(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "The bundled guidelines cannot be read: " + e.getMessage();
        }
    }

    /** Headings without their #s and text without ** and backticks: the panel is a plain text area. */
    static String plain(String markdown) {
        StringBuilder out = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            String l = line.replaceFirst("^#+\\s*", "").replace("**", "").replace("`", "");
            if (line.startsWith("#")) l = l.toUpperCase(java.util.Locale.ROOT);
            out.append(l).append('\n');
        }
        return out.toString().strip() + "\n";
    }
}
