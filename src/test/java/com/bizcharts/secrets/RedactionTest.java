package com.bizcharts.secrets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void theKeySentIsRemovedWhereverTheServerEchoesIt() {
        String body = "Incorrect API key provided: hunter2-custom. You can find your API key at https://example.com.";
        assertThat(Redaction.redact(body, "hunter2-custom"))
                .isEqualTo("Incorrect API key provided: [redacted]. You can find your API key at https://example.com.");
    }

    @Test
    void anythingShapedLikeAKeyOrTokenIsRemovedEvenWhenUnknown() {
        assertThat(Redaction.redact("Incorrect API key provided: sk-test-XYZ.")).isEqualTo("Incorrect API key provided: [redacted].");
        assertThat(Redaction.redact("bad sk-proj-AbC_123-xyz and rpa_ABCDEF1234")).isEqualTo("bad [redacted] and [redacted]");
        assertThat(Redaction.redact("header was Authorization: Bearer abc.def-ghi_jkl")).isEqualTo("header was Authorization: Bearer [redacted]");
        assertThat(Redaction.redact("{\"api_key\": \"s3cr3tvalue\", \"x\": 1}")).isEqualTo("{\"api_key\": \"[redacted]\", \"x\": 1}");
        assertThat(Redaction.redact("url ?key=1&api-key=zzzzzz9&b=2")).isEqualTo("url ?key=1&api-key=[redacted]&b=2");
        assertThat(Redaction.redact("key AIzaSyA1234567890abcdefghijklmnopq ok")).isEqualTo("key [redacted] ok");
        assertThat(Redaction.redact("hex 0123456789abcdef0123456789abcdef01 and b64 QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MTIz=="))
                .isEqualTo("hex [redacted] and b64 [redacted]");
    }

    @Test
    void ordinaryServerTextIsLeftAlone() {
        String text = "invalid_request_error: The model `gpt-4o-mini` does not exist or you do not have access to it;"
                + " prompt_tokens 200, see https://platform.openai.com/docs/guides/error-codes (2026-03-01T00:00:00Z)";
        assertThat(Redaction.redact(text, "sk-test-XYZ")).isEqualTo(text);
        assertThat(Redaction.redact("a very-long-kebab-case-identifier-without-any-digits-at-all")).doesNotContain(Redaction.MARK);
        assertThat(Redaction.redact(null)).isNull();
        assertThat(Redaction.redact("short key x in text", "x")).as("too short a key to search for").isEqualTo("short key x in text");
    }
}
