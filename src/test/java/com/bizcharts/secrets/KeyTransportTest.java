package com.bizcharts.secrets;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyTransportTest {

    @Test
    void aKeyGoesOverPlainHttpOnlyToTheLoopbackUnlessAllowed() {
        URI lan = URI.create("http://192.168.1.20:8000/v1");
        assertThatThrownBy(() -> KeyTransport.STRICT.check(lan, "sk-test-XYZ", "OPENAI_API_KEY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to send OPENAI_API_KEY over plain http:// to 192.168.1.20")
                .hasMessageContaining("--allow-insecure").hasMessageNotContaining("sk-test-XYZ");
        assertThatCode(() -> new KeyTransport(true).check(lan, "sk-test-XYZ", "OPENAI_API_KEY")).doesNotThrowAnyException();
        for (String ok : new String[]{"https://api.openai.com/v1", "http://127.0.0.1:8000/v1", "http://127.1.2.3/",
                "http://localhost:8000", "http://[::1]:8000/v1"}) {
            assertThatCode(() -> KeyTransport.STRICT.check(URI.create(ok), "k", "K")).as(ok).doesNotThrowAnyException();
        }
        // judged by the literal name, never resolved
        assertThat(KeyTransport.STRICT.refusal(URI.create("http://127.0.0.1.example.com/"), "K")).isNotNull();
        assertThat(KeyTransport.STRICT.refusal(URI.create("http://10.0.0.1/"), "K")).isNotNull();
    }

    @Test
    void withoutAKeyNothingSecretTravels() {
        assertThatCode(() -> KeyTransport.STRICT.check(URI.create("http://10.0.0.1/v1"), null, "K")).doesNotThrowAnyException();
        assertThatCode(() -> KeyTransport.STRICT.check(URI.create("http://10.0.0.1/v1"), " ", "K")).doesNotThrowAnyException();
    }
}
