package com.bizcharts.sentiment.onnx;

import ai.onnxruntime.OrtEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * ONNX Runtime's environment, its native libraries loaded from one folder per user and version. Left to itself, ONNX
 * Runtime extracts them into a new {@code onnxruntime-java*} folder under the temp directory on every start and asks
 * for the folder to be deleted on exit before its files are, so the folder stays (empty; after a kill, with 24 MB in
 * it). Given {@code onnxruntime.native.path} (a property of its {@code OnnxRuntime} class) it loads from there and
 * extracts nothing; its own temp folder is then empty at exit and goes. Empty leftovers of earlier runs are removed.
 */
final class OnnxNatives {

    private static final Logger log = LoggerFactory.getLogger(OnnxNatives.class);

    static final String PATH_PROPERTY = "onnxruntime.native.path";
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni", "onnxruntime_providers_shared");
    /** Old enough that no process is still between creating one and filling it. */
    private static final Duration LEFTOVER_AGE = Duration.ofMinutes(10);

    private static boolean prepared;

    private OnnxNatives() {}

    /** The environment, after pointing ONNX Runtime at the shared native folder (once per process). */
    static OrtEnvironment environment() {
        prepare();
        return OrtEnvironment.getEnvironment();
    }

    static synchronized void prepare() {
        if (prepared) return;
        prepared = true;
        removeEmptyLeftovers(Path.of(System.getProperty("java.io.tmpdir")));
        if (System.getProperty(PATH_PROPERTY) != null) return;  // the user's own choice
        try {
            Path folder = extract();
            if (folder != null) System.setProperty(PATH_PROPERTY, folder.toString());
        } catch (IOException | RuntimeException e) {
            // ONNX Runtime then extracts as it always did: a leftover folder is better than no model
            log.warn("could not prepare ONNX Runtime's native libraries in the cache folder: {}", e.toString());
        }
    }

    /** Copies the platform's libraries out of the jar unless the folder holds them already; null if none are packaged. */
    private static Path extract() throws IOException {
        String base = "/ai/onnxruntime/native/" + platform() + "/";
        List<URL> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String lib : LIBRARIES) {
            String name = System.mapLibraryName(lib);
            URL url = OrtEnvironment.class.getResource(base + name);
            if (url != null) {
                found.add(url);
                names.add(name);
            }
        }
        if (found.isEmpty() || !names.contains(System.mapLibraryName("onnxruntime4j_jni"))) return null;
        Path folder = Path.of(System.getProperty("user.home"), ".cache", "bizcharts", "onnxruntime-" + fingerprint(found));
        Files.createDirectories(folder);
        for (int i = 0; i < found.size(); i++) {
            Path target = folder.resolve(names.get(i));
            long size = size(found.get(i));
            if (Files.isRegularFile(target) && Files.size(target) == size) continue;
            // copied beside, then moved: another process loading the library meanwhile sees the old file or the whole one
            Path tmp = Files.createTempFile(folder, names.get(i), ".part");
            try (InputStream in = found.get(i).openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return folder;
    }

    /** Names the folder after the packaged libraries (sizes and the small JNI library's checksum): a new version, a new folder. */
    private static String fingerprint(List<URL> libraries) throws IOException {
        CRC32 crc = new CRC32();
        for (URL url : libraries) {
            crc.update(Long.toString(size(url)).getBytes());
            if (url.getPath().contains("jni")) {
                try (InputStream in = url.openStream()) {
                    crc.update(in.readAllBytes());
                }
            }
        }
        return platform() + "-" + Long.toHexString(crc.getValue());
    }

    private static long size(URL url) throws IOException {
        URLConnection c = url.openConnection();
        c.setUseCaches(false);
        return c.getContentLengthLong();
    }

    /** ONNX Runtime's own names for the folders of its jar: linux-x64, osx-aarch64, win-x64, ... */
    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String o = os.contains("mac") ? "osx" : os.contains("win") ? "win" : "linux";
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
        return o + "-" + a;
    }

    /** Deletes the empty {@code onnxruntime-java*} folders that earlier runs left (a non-empty one may be in use). */
    private static void removeEmptyLeftovers(Path tmp) {
        Instant cutoff = Instant.now().minus(LEFTOVER_AGE);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "onnxruntime-java*")) {
            for (Path d : dirs) {
                try {
                    if (Files.isDirectory(d) && Files.getLastModifiedTime(d).toInstant().isBefore(cutoff)) Files.delete(d);
                } catch (IOException e) {
                    // not empty, or not ours: left alone
                }
            }
        } catch (IOException e) {
            log.debug("could not list {}: {}", tmp, e.toString());
        }
    }
}
