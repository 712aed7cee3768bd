package dev.gongkai.console.shell;

import dev.gongkai.contract.China;
import dev.gongkai.report.labels.Labels;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What pages show for the machine's values, as {@code ${@words…}} in templates: a moment in China's time zone to the
 * minute, a cell or rule by its name (the shared {@link Labels}).
 */
@Component("words")
public class Words {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * A moment as people read it, "2026-12-06 15:33": a time of the services' records ({@link OffsetDateTime},
     * {@link Instant}) or one as JSON writes it ("2026-12-06T07:22:29.309711Z"); empty for none, as given for what
     * is not a moment.
     */
    public String time(Object moment) {
        return switch (moment) {
            case null -> "";
            case OffsetDateTime at -> at.atZoneSameInstant(China.ZONE).format(MINUTES);
            case Instant at -> at.atZone(China.ZONE).format(MINUTES);
            // A time without a zone (Liquibase's changelog dates) is the servers' UTC.
            case LocalDateTime at ->
                at.atOffset(ZoneOffset.UTC).atZoneSameInstant(China.ZONE).format(MINUTES);
            case String iso -> parsed(iso);
            default -> moment.toString();
        };
    }

    private static String parsed(String iso) {
        if (iso.isBlank()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(China.ZONE).format(MINUTES);
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(iso).atZone(China.ZONE).format(MINUTES);
            } catch (DateTimeParseException notInstant) {
                try {
                    // A time without a zone (Liquibase's changelog dates) is the servers' UTC.
                    return LocalDateTime.parse(iso)
                            .atOffset(ZoneOffset.UTC)
                            .atZoneSameInstant(China.ZONE)
                            .format(MINUTES);
                } catch (DateTimeParseException notLocal) {
                    return iso;
                }
            }
        }
    }

    public String cell(String key) {
        return Labels.cell(key, LocaleContextHolder.getLocale());
    }

    public String rule(String id) {
        return Labels.rule(id, LocaleContextHolder.getLocale());
    }

    /**
     * Who wrote something, as people read it: their full name with the agency they wrote for, 王晓梅（乌海市政务公开办）;
     * the username when the service kept no name (older entries).
     */
    public String person(String name, String agency, String username) {
        if (name == null || name.isBlank()) {
            return username;
        }
        if (agency == null || agency.isBlank()) {
            return name;
        }
        return Locale.ENGLISH
                        .getLanguage()
                        .equals(LocaleContextHolder.getLocale().getLanguage())
                ? name + " (" + agency + ")"
                : name + "（" + agency + "）";
    }
}
