package dev.gongkai.console.agency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.console.shell.Words;
import dev.gongkai.contract.AuditEntryView;
import dev.gongkai.contract.RevisionView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The history page's word diff and timeline, from the services' own JSON shapes read as the contract's records. */
class HistoryTest {

    @Test
    void aChangedNumberInANarrativeIsOneChangeNotTwoParagraphs() {
        List<TextDiff.Part> parts = TextDiff.of("本年共受理申请110件，均已按时答复。", "本年共受理申请109件，均已按时答复。");
        assertThat(parts)
                .containsExactly(
                        new TextDiff.Part(TextDiff.Kind.SAME, "本年共受理申请"),
                        new TextDiff.Part(TextDiff.Kind.DELETED, "110"),
                        new TextDiff.Part(TextDiff.Kind.INSERTED, "109"),
                        new TextDiff.Part(TextDiff.Kind.SAME, "件，均已按时答复。"));
        assertThat(TextDiff.of("无。", "无。")).containsExactly(new TextDiff.Part(TextDiff.Kind.SAME, "无。"));
        assertThat(TextDiff.of(null, "新增")).containsExactly(new TextDiff.Part(TextDiff.Kind.INSERTED, "新增"));
    }

    @Test
    void autosavesBecomeOneSessionPerAuthorAndPauseBesideTheWorkflowEvents() {
        JsonMapper json = JsonMapper.builder().build();
        List<RevisionView> revisions = json.readValue("""
                [{"revision":1,"author":"psb-editor","authorName":"李伟","authorAgency":"乌海市公安局","createdAt":"2026-12-06T07:00:00Z"},
                 {"revision":2,"author":"psb-editor","createdAt":"2026-12-06T07:01:00Z"},
                 {"revision":3,"author":"psb-editor","createdAt":"2026-12-06T07:20:00Z"},
                 {"revision":4,"author":"psb-editor","createdAt":"2026-12-06T09:00:00Z"},
                 {"revision":5,"author":"psb-approver","createdAt":"2026-12-06T09:05:00Z"}]""", new TypeReference<>() {});
        List<AuditEntryView> audit = json.readValue("""
                [{"id":1,"action":"report.create","actor":"psb-editor","at":"2026-12-06T07:00:00Z"},
                 {"id":2,"action":"report.edit","actor":"psb-editor","at":"2026-12-06T07:01:00Z"},
                 {"id":3,"action":"report.request-signoff","actor":"psb-editor","at":"2026-12-06T07:30:00Z"},
                 {"id":4,"action":"report.return","actor":"office","actorName":"王晓梅","actorAgency":"乌海市政务公开办",
                  "at":"2026-12-06T08:00:00Z","after":{"reason":"请核实"}}]""", new TypeReference<>() {});
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        List<Timeline.Item> items;
        try {
            items = Timeline.of(revisions, audit, new Words());
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(items)
                .extracting(i -> i.session() ? "session " + i.from() + "-" + i.to() : i.action())
                .containsExactly("session 5-5", "session 4-4", "return", "request-signoff", "session 1-3", "create");
        assertThat(items.get(2).reason()).isEqualTo("请核实");
        // People by their full names with their agency; a row kept before names were recorded by its username.
        assertThat(items.get(2).by()).isEqualTo("王晓梅（乌海市政务公开办）");
        assertThat(items.get(4).by()).isEqualTo("李伟（乌海市公安局）");
        assertThat(items.get(0).by()).isEqualTo("psb-approver");
    }

    @Test
    void momentsReadInChinasTimeToTheMinuteWhetherRecordsOrJsonCarryThem() {
        Words words = new Words();
        assertThat(words.time(OffsetDateTime.parse("2026-12-06T07:22:29.309711Z")))
                .isEqualTo("2026-12-06 15:22");
        assertThat(words.time(Instant.parse("2026-12-06T07:22:29Z"))).isEqualTo("2026-12-06 15:22");
        assertThat(words.time("2026-12-06T07:22:29.309711Z")).isEqualTo("2026-12-06 15:22");
        assertThat(words.time(null)).isEmpty();
    }
}
