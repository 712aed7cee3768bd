package dev.gongkai.platform.testing;

import java.net.InetSocketAddress;
import java.net.Socket;

final class Reachability {

    private Reachability() {}

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
