package com.bizcharts.learn.teacher;

import com.bizcharts.store.labels.SentimentLabel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerdictParserTest {

    private static TeacherReply reply(String text) {
        return new TeacherReply(text, null, 10, 5);
    }

    @Test
    void readsAStrictAnswer() throws Exception {
        TeacherVerdict v = VerdictParser.parse(reply(
                "{\"label\":\"Bullish\",\"confidence\":0.83,\"sarcasm\":false,\"rationale\":\"green candle, wagmi\"}"));
        assertThat(v.label()).isEqualTo(SentimentLabel.BULLISH);
        assertThat(v.confidence()).isEqualTo(0.83);
        assertThat(v.sarcasm()).isFalse();
        assertThat(v.rationale()).isEqualTo("green candle, wagmi");
    }

    @Test
    void toleratesAMarkdownFence() throws Exception {
        TeacherVerdict v = VerdictParser.parse(reply(
                "```json\n{\"label\":\"bearish\",\"confidence\":1,\"sarcasm\":true}\n```"));
        assertThat(v.label()).isEqualTo(SentimentLabel.BEARISH);
        assertThat(v.sarcasm()).isTrue();
        assertThat(v.rationale()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"label\":\"moon\",\"confidence\":0.5,\"sarcasm\":false}|unknown label",
            "{\"label\":\"neutral\",\"confidence\":1.5,\"sarcasm\":false}|outside [0, 1]",
            "{\"label\":\"neutral\",\"confidence\":\"high\",\"sarcasm\":false}|must be a number",
            "{\"label\":\"neutral\",\"confidence\":0.5}|sarcasm must be",
            "{\"confidence\":0.5,\"sarcasm\":false}|label missing",
            "{\"label\":\"neutral\",|invalid JSON",
            "Bullish, definitely.|not a JSON object",
    })
    void rejectsAnythingLessThanAFullVerdict(String answer, String reason) {
        assertThatThrownBy(() -> VerdictParser.parse(reply(answer)))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((MalformedAnswerException) e).isRefusal()).isFalse());
    }

    @Test
    void recognisesRefusals() {
        assertThatThrownBy(() -> VerdictParser.parse(reply("I'm sorry, but I can't help with that.")))
                .isInstanceOf(MalformedAnswerException.class)
                .satisfies(e -> assertThat(((MalformedAnswerException) e).isRefusal()).isTrue());
        assertThatThrownBy(() -> VerdictParser.parse(new TeacherReply(null, "policy", 1, 0)))
                .hasMessageContaining("refused: policy");
    }
}
