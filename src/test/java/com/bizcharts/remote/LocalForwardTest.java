package com.bizcharts.remote;

import com.bizcharts.learn.teacher.ApiKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SSH tunnel of 'remote serve' against a server that closes each connection after its answer, as http.server does. */
class LocalForwardTest {

    @TempDir Path tmp;
    private LoopbackSshServer ssh;
    private ServerSocket oneShot;
    private Thread serving;

    @BeforeEach
    void setUp() throws Exception {
        ssh = new LoopbackSshServer(tmp.resolve("hostkey.ser"));
        oneShot = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serving = Thread.ofVirtual().start(() -> {
            while (!oneShot.isClosed()) {
                try (Socket s = oneShot.accept()) {
                    readHead(s.getInputStream());
                    s.getOutputStream().write("HTTP/1.0 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return; // closed by the test
                }
            }
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        oneShot.close();
        serving.join(2000);
        ssh.close();
    }

    @Test
    void aServerClosingEachForwardedConnectionLogsNoErrors() throws Exception {
        SshTarget target = new SshTarget("127.0.0.1", ssh.port(), "trainer", ssh.writeClientKey(tmp.resolve("id_rsa")),
                tmp.resolve("known_hosts"));
        try (RemoteShell shell = RemoteShell.connect(target, (h, t, f) -> true, new ApiKeys(Map.of(), false), Duration.ofSeconds(10));
             LocalForward tunnel = shell.forward(0, "127.0.0.1", oneShot.getLocalPort());
             StderrCapture logs = new StderrCapture()) {
            for (int i = 0; i < 3; i++) {
                try (Socket c = new Socket(InetAddress.getLoopbackAddress(), tunnel.localPort())) {
                    c.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    String answer = new String(c.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    assertThat(answer).startsWith("HTTP/1.0 200 OK").endsWith("ok");
                }
            }
            Thread.sleep(300); // the forwarder's copy threads notice the closed ends after the answers
            assertThat(tunnel.open()).isTrue();
            assertThat(logs.text()).as("a closed forwarded connection is normal, not an ERROR trace")
                    .doesNotContain("ERROR").doesNotContain("\tat ");
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int last4 = 0;
        for (int b; (b = in.read()) >= 0; ) {
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) return;
        }
    }
}
