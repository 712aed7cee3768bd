package dev.gongkai.publishing.portal;

import dev.gongkai.contract.China;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Times as the public reads them, in Beijing: the portal's pages and downloads, and the published PDF's last line. */
final class Html {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(China.ZONE);

    /** For the templates ({@code times.dateTime(…)}), which call no static method. */
    static final Html TIMES = new Html();

    private Html() {}

    /** Beijing time, as the public reads it: {@code 2022-01-19 10:00}. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
