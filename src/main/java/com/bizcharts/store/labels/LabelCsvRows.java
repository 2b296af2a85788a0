package com.bizcharts.store.labels;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CSV with a header naming the columns of the JSON format. A row with fewer or more fields than the header is an
 * error (a shifted column would put a rating where the text goes), and so is a header without the columns a label
 * needs or with one column twice.
 */
final class LabelCsvRows {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS, CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private LabelCsvRows() {}

    static List<LabelFileRow> parse(String fileName, String text) {
        List<LabelFileRow> rows = new ArrayList<>();
        int line = 1;
        try (MappingIterator<JsonNode> it = CSV.readerFor(JsonNode.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(text)) {
            JsonParser parser = it.getParser();
            Lines lines = new Lines(text);
            boolean more = it.hasNext();
            checkHeader(fileName, ((CsvParser) parser).getSchema());
            while (more) {
                line = lines.recordAt(parser);
                JsonNode n = it.next();
                try {
                    rows.add(LabelFileFields.validate(n));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(fileName + " line " + line + ": " + e.getMessage());
                }
                line = lines.recordAt(parser);  // where a parse error of the next record would be
                more = it.hasNext();
            }
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) throw iae;
            // MappingIterator wraps parse errors in a RuntimeException around Jackson's own
            String why = e.getCause() instanceof StreamReadException sre ? sre.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException(fileName + " line " + line + ": not valid CSV: " + why);
        } catch (StreamReadException e) {
            throw new IllegalArgumentException(fileName + " line " + line + ": not valid CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);  // reading a String does no I/O
        }
        return rows;
    }

    private static void checkHeader(String fileName, CsvSchema schema) {
        Set<String> seen = new LinkedHashSet<>();  // header order, for the message
        for (CsvSchema.Column c : schema) {
            if (!seen.add(c.getName())) {
                throw new IllegalArgumentException(fileName + " line 1: column '" + c.getName() + "' appears twice in the header");
            }
        }
        if (!seen.contains("thread_id") || !seen.contains("posted_at") || !(seen.contains("rating") || seen.contains("label"))) {
            throw new IllegalArgumentException(fileName + " line 1: the header must name thread_id, posted_at and rating"
                    + " (or label) columns, got " + String.join(",", seen.isEmpty() ? Set.of("nothing") : seen));
        }
    }

    /**
     * The line the record at the parser's position starts on. Jackson's own line numbers count records, not lines, so a
     * quoted newline would shift them; its character offset stands between records, so the record starts at the next
     * character that is not a line break.
     */
    private static final class Lines {
        private final String text;
        private int counted;   // newlines before this offset are in line
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        /** Counts on from the last call (the parser only moves forward), so a large file stays linear. */
        int recordAt(JsonParser parser) {
            int at = (int) Math.min(text.length(), Math.max(counted, parser.currentLocation().getCharOffset()));
            while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) at++;
            for (; counted < at; counted++) if (text.charAt(counted) == '\n') line++;
            return line;
        }
    }
}
