package com.bizcharts.remote;

import java.nio.file.Path;

/** Where to train: an SSH endpoint, the private key to log in with and the known_hosts file to trust. */
public record SshTarget(String host, int port, String user, Path key, Path knownHosts) {

    public SshTarget {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("--host is required");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1-65535, got " + port);
        if (user == null || user.isBlank()) throw new IllegalArgumentException("user must not be empty");
    }

    @Override
    public String toString() { return user + "@" + host + ":" + port; }
}
