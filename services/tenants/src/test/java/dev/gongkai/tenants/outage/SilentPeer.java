package dev.gongkai.tenants.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A peer that accepts connections (the kernel completes them from the backlog) and never says a word: what a hung
 * Keycloak looks like to its clients. Closed with the JVM.
 */
final class SilentPeer {

    private static ServerSocket socket;

    private SilentPeer() {}

    static synchronized String url() {
        if (socket == null) {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "http://127.0.0.1:" + socket.getLocalPort();
    }
}
