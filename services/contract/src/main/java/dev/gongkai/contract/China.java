package dev.gongkai.contract;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * China's time zone: deadlines, report years and every time a person reads are in it, on a page, in a CSV or a PDF,
 * written one way ({@link #minute}, {@link #day}).
 */
public final class China {

    /** For annotations, which need a constant ({@code @Scheduled(zone = …)}). */
    public static final String ZONE_ID = "Asia/Shanghai";

    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);

    private China() {}

    /** A moment as people read it, China's time to the minute: {@code 2026-12-06 15:33}; empty for none. */
    public static String minute(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }

    /** The day of a moment in China, where only the date is shown: {@code 2026-12-06}; empty for none. */
    public static String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }
}
