package dev.gongkai.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Real published reports: the report core's test resources ({@code fixtures/}, {@code html/}, {@code text/}), which
 * its test jar carries.
 */
public final class Fixtures {

    private Fixtures() {}

    /** @param path e.g. {@code fixtures/wuhai-psb-2021.txt} or {@code html/wuhai-psb-2021.html} */
    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
