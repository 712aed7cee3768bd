package dev.gongkai.publishing;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Anonymous visitors, each from an address of its own so the open-data limit only bites where a test wants it. */
public final class Clients {

    private Clients() {}

    public static RequestPostProcessor anyone() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return from("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
    }

    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
