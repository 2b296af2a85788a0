package com.bizcharts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WindowArgumentsTest {

    @Test
    void onlyTheGlobalOptionsOpenTheWindowWithThem() {
        assertThat(WindowArguments.of(new String[0])).contains(new WindowArguments(null, null));
        assertThat(WindowArguments.of(new String[]{"gui"})).contains(new WindowArguments(null, null));
        assertThat(WindowArguments.of(new String[]{"--config", "my.toml", "--db=x.db"}))
                .contains(new WindowArguments(Path.of("my.toml"), Path.of("x.db")));
        assertThat(WindowArguments.of(new String[]{"gui", "--db", "x.db"})).contains(new WindowArguments(null, Path.of("x.db")));
        // a command, help, or an option without its value go to the command line, which explains itself
        assertThat(WindowArguments.of(new String[]{"--db", "x.db", "stats"})).isEmpty();
        assertThat(WindowArguments.of(new String[]{"--help"})).isEmpty();
        assertThat(WindowArguments.of(new String[]{"--db"})).isEmpty();
    }

    @Test
    void theWindowKeepsItsStateNextToTheSettingsNotInThem() {
        assertThat(new WindowArguments(Path.of("/etc/biz/my.toml"), null).stateFile(Path.of("config/settings.toml")))
                .isEqualTo(Path.of("/etc/biz/workstation-state.properties"));
        assertThat(new WindowArguments(null, null).stateFile(Path.of("config/settings.toml")))
                .isEqualTo(Path.of("config/workstation-state.properties").toAbsolutePath());
    }

    @Test
    void withoutADisplayTheWindowSaysSoInOneLine(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--db", dir.resolve("x.db").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).isEqualTo("no display: set DISPLAY (or WAYLAND_DISPLAY) or use a command, see ./bizcharts --help");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }
}
