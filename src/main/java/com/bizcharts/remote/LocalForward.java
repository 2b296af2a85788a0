package com.bizcharts.remote;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;
import net.schmizz.sshj.connection.channel.direct.Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * An SSH tunnel from a loopback port here to a host and port as seen from the remote machine (its own loopback for
 * 'remote serve'), so a server there is reachable without opening any port to the internet. Port 0 picks a free
 * port. Lives until closed or until the SSH connection drops.
 */
public final class LocalForward implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalForward.class);
    private final ServerSocket socket;
    private final LocalPortForwarder forwarder;
    private final Thread listener;

    LocalForward(SSHClient ssh, int localPort, String remoteHost, int remotePort) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort));
        } catch (IOException e) {
            socket.close();
            throw new RemoteException("cannot listen on 127.0.0.1:" + localPort + " for the tunnel (" + e.getMessage()
                    + "); is another 'remote serve' or server using it? choose another with --local-port");
        }
        forwarder = ssh.newLocalPortForwarder(new Parameters("127.0.0.1", socket.getLocalPort(), remoteHost, remotePort), socket);
        listener = Thread.ofPlatform().daemon(true).name("ssh-forward-" + socket.getLocalPort()).start(() -> {
            try {
                forwarder.listen();
            } catch (IOException e) {
                if (!socket.isClosed()) LOG.warn("tunnel on port {} stopped: {}", socket.getLocalPort(), e.getMessage());
            }
        });
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public boolean open() {
        return listener.isAlive() && !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            // The socket first: the forwarder's own close fails if its listener thread has not started yet, and a
            // closed socket ends that thread's accept loop either way.
            socket.close();
        } catch (IOException e) {
            // closing anyway: the port is released with the socket
        }
        listener.interrupt();
    }
}
