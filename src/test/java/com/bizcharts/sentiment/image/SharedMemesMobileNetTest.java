package com.bizcharts.sentiment.image;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The bundled MobileNetV2 on the real meme images of ../shared (run with -Pshared-data): Java's decoding and
 * preprocessing give the probabilities models/mobilenet-v2/verify.py got with Pillow and onnxruntime in Python
 * (shared-memes-onnxruntime.tsv; verify_tfjs.js matched those to TF.js within 2.1e-6).
 */
@Tag("shared-data")
class SharedMemesMobileNetTest {

    @Test
    void javaReadsTheMemesAsOnnxRuntimeInPythonDid() throws Exception {
        Path memes = com.bizcharts.shared.SharedData.find("data/memes").orElse(null);
        assumeTrue(memes != null, "../shared/data/memes not present");
        int n = 0;
        double worst = 0;
        String worstName = "";
        try (MobileNetFeatures model = MobileNetFeatures.bundled(2);
             BufferedReader in = new BufferedReader(new InputStreamReader(
                     getClass().getResourceAsStream("shared-memes-onnxruntime.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split("\t");
                Thumbnail t = Thumbnail.read(memes.resolve(f[0]));
                assertThat(t.used()).as(f[0]).isTrue();
                float[] p = model.read(t.image()).probabilities();
                for (int k = 0; k < 5; k++) {
                    double d = Math.abs(p[k] - Double.parseDouble(f[k + 1]));
                    if (d > worst) {
                        worst = d;
                        worstName = f[0];
                    }
                }
                n++;
            }
        }
        System.out.printf("MobileNetV2 on %d shared memes: worst |Java - Python| probability %.5f (%s)%n", n, worst, worstName);
        assertThat(n).isEqualTo(49);
        // Measured 0.00005, the reference's 4-decimal rounding; the margin is for another JPEG decoder or CPU.
        assertThat(worst).as(worstName).isLessThan(0.001);
    }
}
