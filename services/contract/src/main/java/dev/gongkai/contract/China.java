package dev.gongkai.contract;

import java.time.ZoneId;

/** China's time zone: deadlines, report years and every time a person reads are in it. */
public final class China {

    /** For annotations, which need a constant ({@code @Scheduled(zone = …)}). */
    public static final String ZONE_ID = "Asia/Shanghai";

    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private China() {}
}
