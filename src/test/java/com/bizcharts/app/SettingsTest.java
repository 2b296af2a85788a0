package com.bizcharts.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Test
    void defaultsComeFromTheBundledFile() {
        Settings s = Settings.defaults();
        assertThat(s.fourchan().apiBase()).isEqualTo("https://a.4cdn.org");
        assertThat(s.fourchan().minRequestIntervalMs()).isEqualTo(1000);
        assertThat(s.warosu().minRequestIntervalMs()).isEqualTo(2000);
        assertThat(s.paths().database()).isEqualTo("data/bizcharts.db");
        assertThat(s.retention().keepThreadsWithReplies()).isEqualTo(50);
        assertThat(s.models().hubUri().toString()).isEqualTo("https://huggingface.co");
        assertThat(s.models().catalogPath()).isEqualTo(Path.of("config", "model-catalog.toml"));
    }

    @Test
    void everyKindOfBodyHasACapInTheSettings(@TempDir Path dir) throws Exception {
        Settings s = Settings.defaults();
        assertThat(s.fourchan().catalogCap().bytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(s.fourchan().thumbnailCap().describe()).isEqualTo("1 MB");
        assertThat(s.warosu().pageCap().describe()).isEqualTo("8 MB");
        assertThat(s.warosu().thumbnailCap().kind()).isEqualTo("Warosu thumbnail");
        assertThat(s.prices().responseCap().describe()).isEqualTo("8 MB");
        assertThat(s.teacher().answerCap().setting()).isEqualTo("[teacher] max_answer_kb");
        Path file = dir.resolve("s.toml");
        Files.writeString(file, "[fourchan]\nmax_catalog_kb = 512\n[warosu]\ndownload_thumbnails = false\n");
        Settings loaded = Settings.load(file, true);
        assertThat(loaded.fourchan().catalogCap().describe()).isEqualTo("512 KB");
        assertThat(loaded.warosu().downloadThumbnails()).isFalse();
        assertThat(loaded.warosu().pageCap()).isEqualTo(s.warosu().pageCap());
    }

    @Test
    void aUserFileOverridesOnlyTheKeysItNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.toml");
        Files.writeString(file, "[fourchan]\napi_base = \"http://127.0.0.1:9/\"\n");
        Settings s = Settings.load(file, true);
        assertThat(s.fourchan().apiUri().toString()).isEqualTo("http://127.0.0.1:9");
        assertThat(s.fourchan().imagesBase()).isEqualTo("https://i.4cdn.org");
    }

    @Test
    void aMissingExplicitFileOrBrokenTomlIsAClearError(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Settings.load(dir.resolve("nope.toml"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not found");
        Path bad = dir.resolve("bad.toml");
        Files.writeString(bad, "[fourchan\napi_base = ");
        assertThatThrownBy(() -> Settings.load(bad, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read settings");
    }

    @Test
    void pricesHaveEveryProvidersBaseUrlPaceAndBudget(@TempDir Path dir) throws Exception {
        var p = Settings.defaults().prices();
        assertThat(p.order()).containsExactly("binance", "coingecko", "coinmarketcap");
        assertThat(p.interval()).isEqualTo("1h");
        assertThat(p.coingecko().baseUri().toString()).isEqualTo("https://api.coingecko.com");
        assertThat(p.binance().baseUri().toString()).isEqualTo("https://api.binance.com");
        assertThat(p.coinmarketcap().baseUri().toString()).isEqualTo("https://pro-api.coinmarketcap.com");
        assertThat(p.coingecko().monthlyBudget()).isEqualTo(10_000);
        assertThat(p.binance().monthlyBudget()).isZero();
        Path file = dir.resolve("s.toml");
        Files.writeString(file, "[prices.binance]\nbase_url = \"https://api.binance.us/\"\n");
        var loaded = Settings.load(file, true).prices();
        assertThat(loaded.binance().baseUri().toString()).isEqualTo("https://api.binance.us");
        assertThat(loaded.binance().minRequestIntervalMs()).isEqualTo(250);  // the rest of the table keeps its defaults
        assertThat(loaded.provider("coinmarketcap")).isEqualTo(p.coinmarketcap());
    }

    @Test
    void dbOptionReplacesTheDatabasePath() {
        assertThat(Settings.defaults().withDatabase(Path.of("/tmp/x.db")).paths().databasePath()).isEqualTo(Path.of("/tmp/x.db"));
    }

    @Test
    void keysStayOffPlainHttpUnlessTheUserSaysOtherwise(@TempDir Path dir) throws Exception {
        java.net.URI lan = java.net.URI.create("http://10.0.0.5:8000/v1");
        assertThat(Settings.defaults().security().keyTransport().refusal(lan, "K")).as("the default refuses").isNotNull();
        assertThat(Settings.defaults().withInsecureHttpAllowed().security().keyTransport().refusal(lan, "K")).isNull();
        Path file = dir.resolve("s.toml");
        Files.writeString(file, "[security]\nallow_insecure_http = true\n");
        assertThat(Settings.load(file, true).security().keyTransport().refusal(lan, "K")).as("the workstation's setting").isNull();
    }
}
