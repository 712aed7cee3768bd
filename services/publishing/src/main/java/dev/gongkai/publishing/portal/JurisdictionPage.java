package dev.gongkai.publishing.portal;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.publishing.revisions.Deadlines;
import dev.gongkai.publishing.revisions.ReportState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The jurisdiction's page: every agency, grouped under its parent (a 分局 under its 公安局, also when the branch is
 * registered in a district below), and for every year on record published on time, late, or not at all.
 */
final class JurisdictionPage {

    /**
     * A row of the table: an agency of the jurisdiction (a {@code child} under its parent) with a cell per year, or a
     * branch registered in another jurisdiction ({@code elsewhere}, that jurisdiction's name) under its parent here.
     */
    record Row(Agency agency, boolean child, String elsewhere, List<Cell> cells) {}

    /** One agency's year: its report state (null: none) and whether it is unpublished past the deadline. */
    record Cell(int year, ReportState state, boolean overdue) {

        public boolean published() {
            return state != null && state.published();
        }
    }

    /** A compiled report of the government on the page: year and scope ({@code own} or {@code city}). */
    record Compiled(int year, String scope, String href) {}

    /**
     * @param branchesElsewhere agencies of other jurisdictions whose parent is registered here, listed under it
     * @param jurisdictionNames every jurisdiction's name, for those branches
     * @param compiled          the government's published compiled reports, by year, newest first (may be empty)
     */
    static byte[] render(
            Pages pages,
            Jurisdiction jurisdiction,
            List<Agency> agencies,
            List<ReportState> states,
            LocalDate today,
            List<Agency> branchesElsewhere,
            Map<String, String> jurisdictionNames,
            Map<Integer, List<String>> compiled,
            Lang lang) {
        Map<String, ReportState> byAgencyYear = new HashMap<>();
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.add(today.getYear() - 1);
        for (ReportState state : states) {
            byAgencyYear.put(state.agency() + "/" + state.year(), state);
            if (state.published()) {
                years.add(state.year());
            }
        }
        List<Integer> shown = List.copyOf(years);
        String base = "/public/" + jurisdiction.slug();
        Set<String> here = agencies.stream().map(a -> a.slug().value()).collect(Collectors.toSet());
        Comparator<Agency> order = Comparator.comparing((Agency a) -> a.kind() != AgencyKind.DISCLOSURE_OFFICE)
                .thenComparing(Agency::nameZh);
        List<Row> rows = new ArrayList<>();
        for (Agency top : agencies.stream()
                .filter(a -> a.parent() == null || !here.contains(a.parent().value()))
                .sorted(order)
                .toList()) {
            rows.add(row(top, false, shown, byAgencyYear, today));
            agencies.stream()
                    .filter(a -> top.slug().equals(a.parent()))
                    .sorted(order)
                    .forEach(child -> rows.add(row(child, true, shown, byAgencyYear, today)));
            branchesElsewhere.stream()
                    .filter(a -> top.slug().equals(a.parent()))
                    .sorted(order)
                    .forEach(branch -> rows.add(new Row(
                            branch,
                            true,
                            jurisdictionNames.getOrDefault(
                                    branch.jurisdiction().value(),
                                    branch.jurisdiction().value()),
                            List.of())));
        }
        List<Compiled> links = new ArrayList<>();
        compiled.forEach((year, scopes) -> scopes.forEach(
                scope -> links.add(new Compiled(year, scope, CompiledPage.base(jurisdiction, year, scope)))));
        Map<String, Object> model = new HashMap<>();
        model.put("jurisdiction", jurisdiction);
        model.put(
                "parent",
                jurisdiction.parent() == null
                                || !jurisdictionNames.containsKey(
                                        jurisdiction.parent().value())
                        ? null
                        : new Parent(
                                jurisdiction.parent().value(),
                                jurisdictionNames.get(jurisdiction.parent().value())));
        model.put("base", base);
        model.put("years", shown);
        model.put("rows", rows);
        model.put("compiled", links);
        return pages.render("jurisdiction", lang, base, model);
    }

    /** The jurisdiction above, for the way back. */
    record Parent(String slug, String nameZh) {}

    private static Row row(
            Agency agency, boolean child, List<Integer> shown, Map<String, ReportState> byAgencyYear, LocalDate today) {
        return new Row(
                agency,
                child,
                null,
                shown.stream()
                        .map(year -> new Cell(
                                year,
                                byAgencyYear.get(agency.slug() + "/" + year),
                                today.isAfter(Deadlines.of(agency, year))))
                        .toList());
    }

    private JurisdictionPage() {}
}
