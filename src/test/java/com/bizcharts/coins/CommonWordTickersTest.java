package com.bizcharts.coins;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CommonWordTickersTest {

    private static final Path WORD_LIST = Path.of("/usr/share/dict/american-english");

    private static String shippedFile() throws IOException {
        try (InputStream in = CommonWordTickers.class.getResourceAsStream(CommonWordTickers.BUNDLED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyShippedTickerIsACoinOfTheBundledList() {
        Set<String> symbols = CoinList.load(null).stream().map(Coin::symbol).collect(Collectors.toSet());
        assertThat(CommonWordTickers.shipped()).hasSizeGreaterThan(20).contains("ONE", "GAS", "BEAM", "S", "LINK", "THETA")
                .doesNotContain("BTC", "ETH", "ADA", "OM");
        assertThat(symbols).containsAll(CommonWordTickers.shipped());
        assertThat(CoinList.load(null)).filteredOn(c -> CommonWordTickers.shipped().contains(c.symbol()))
                .allMatch(c -> c.word() && c.commonWord());
    }

    @Test
    void theShippedFileSaysHowItWasMadeAndCarriesItsLicence() throws IOException {
        assertThat(shippedFile()).contains("config/common-word-tickers.sh").containsPattern("wamerican \\d{4}\\.\\d\\d\\.\\d\\d-\\d")
                .contains("common-word-tickers.LICENSE");
        try (InputStream licence = CommonWordTickers.class.getResourceAsStream("/com/bizcharts/config/common-word-tickers.LICENSE")) {
            assertThat(licence).isNotNull();
            assertThat(new String(licence.readAllBytes(), StandardCharsets.UTF_8)).contains("Kevin Atkinson")
                    .contains("Permission to use, copy, modify, distribute and sell these word");
        }
    }

    @Test
    void parseSkipsCommentsAndBlankLinesAndUpperCases() throws IOException {
        String file = "# made by hand\n\none\n  GAS  \n# BTC\n";
        assertThat(CommonWordTickers.parse(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))))
                .containsExactlyInAnyOrder("ONE", "GAS");
    }

    /** Where the same wamerican is installed, the derivation gives the shipped list: rerun the script after editing coins.toml. */
    @Test
    void matchesTheWordListWhereTheSameVersionIsInstalled() throws IOException {
        Matcher shippedVersion = Pattern.compile("wamerican (\\S+) ").matcher(shippedFile());
        assertThat(shippedVersion.find()).isTrue();
        assumeTrue(Files.isReadable(WORD_LIST), "no word list installed");
        assumeTrue(shippedVersion.group(1).equals(installedVersion()), "another wamerican version is installed");
        Set<String> lowerCaseWords = Files.readAllLines(WORD_LIST, StandardCharsets.UTF_8).stream()
                .filter(w -> w.matches("[a-z]+")).collect(Collectors.toSet());
        Set<String> derived = CoinList.load(null).stream().map(Coin::symbol)
                .filter(s -> lowerCaseWords.contains(s.toLowerCase(Locale.ROOT))).collect(Collectors.toCollection(TreeSet::new));
        assertThat(derived).as("config/common-word-tickers.txt is stale: run config/common-word-tickers.sh")
                .containsExactlyElementsOf(new TreeSet<>(CommonWordTickers.shipped()));
    }

    private static String installedVersion() throws IOException {
        Path status = Path.of("/var/lib/dpkg/status");
        if (!Files.isReadable(status)) return null;
        boolean inPackage = false;
        for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
            if (line.startsWith("Package: ")) inPackage = line.equals("Package: wamerican");
            else if (inPackage && line.startsWith("Version: ")) return line.substring("Version: ".length()).strip();
        }
        return null;
    }
}
