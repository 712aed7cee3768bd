package dev.gongkai.publishing.portal;

import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;

import dev.gongkai.contract.AgencyStatus;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.Jurisdiction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * The portal's front door ({@code /}): the jurisdictions as a tree, a search by agency name, every year on record and
 * the latest publications and corrections (with the way to all of them); and the search's answer, agencies grouped
 * under their parent (分局 under 公安局) with each published year.
 */
final class FrontDoor {

    static final int MAX_QUERY = 50;
    /** Publications and corrections the front door lists; the feed's page has the rest. */
    static final int LATEST = 10;

    /** What the front door is drawn from: the registry and the published years of each agency. */
    record Directory(List<Jurisdiction> jurisdictions, List<Agency> agencies, Map<String, TreeSet<Integer>> years) {

        static Directory read(PublicReports reports, DSLContext dsl) {
            Map<String, TreeSet<Integer>> years = new TreeMap<>();
            dsl.select(REPORT_STATE.AGENCY_SLUG, REPORT_STATE.YEAR)
                    .from(REPORT_STATE)
                    .where(REPORT_STATE.PUBLISHED_REVISION.isNotNull())
                    .forEach(r -> years.computeIfAbsent(r.value1(), k -> new TreeSet<>(Comparator.reverseOrder()))
                            .add(r.value2()));
            List<Agency> agencies = reports.allAgencies().stream()
                    .filter(a -> a.status() != AgencyStatus.ARCHIVED)
                    .toList();
            return new Directory(reports.jurisdictions(), agencies, years);
        }

        TreeSet<Integer> years(Agency agency) {
            return years.getOrDefault(agency.slug().value(), new TreeSet<>());
        }

        TreeSet<Integer> allYears() {
            TreeSet<Integer> all = new TreeSet<>(Comparator.reverseOrder());
            years.values().forEach(all::addAll);
            return all;
        }

        Jurisdiction jurisdictionOf(Agency agency) {
            return jurisdictions.stream()
                    .filter(j -> j.slug().equals(agency.jurisdiction()))
                    .findFirst()
                    .orElseThrow();
        }

        List<Agency> children(Agency parent) {
            return agencies.stream()
                    .filter(a -> parent.slug().equals(a.parent()))
                    .sorted(Comparator.comparing(Agency::nameZh))
                    .toList();
        }
    }

    /** A jurisdiction of the tree, with the number of agencies registered in it and the jurisdictions below. */
    record Node(Jurisdiction jurisdiction, long agencies, List<Node> below) {}

    /** An agency the search found, where it is registered, its published years and its branches. */
    record Hit(Agency agency, Jurisdiction where, TreeSet<Integer> years, List<Hit> children) {}

    private FrontDoor() {}

    static byte[] render(Pages pages, Directory directory, List<AtomFeed.Item> latest, Lang lang) {
        List<Node> roots = directory.jurisdictions().stream()
                .filter(j -> j.parent() == null
                        || directory.jurisdictions().stream()
                                .noneMatch(p -> p.slug().equals(j.parent())))
                .sorted(Comparator.comparing(Jurisdiction::nameZh))
                .map(j -> node(directory, j))
                .toList();
        return pages.render(
                "front-door",
                lang,
                "/",
                Map.of(
                        "roots",
                        roots,
                        "years",
                        directory.allYears(),
                        "latest",
                        latest.subList(0, Math.min(LATEST, latest.size())),
                        "maxQuery",
                        MAX_QUERY));
    }

    private static Node node(Directory directory, Jurisdiction jurisdiction) {
        long agencies = directory.agencies().stream()
                .filter(a -> a.jurisdiction().equals(jurisdiction.slug()))
                .count();
        return new Node(
                jurisdiction,
                agencies,
                directory.jurisdictions().stream()
                        .filter(j -> jurisdiction.slug().equals(j.parent()))
                        .sorted(Comparator.comparing(Jurisdiction::nameZh))
                        .map(j -> node(directory, j))
                        .toList());
    }

    /**
     * Agencies whose name holds the query, each under its parent: a match with a parent is shown under it, a match
     * with branches lists them.
     */
    static byte[] results(Pages pages, Directory directory, String query, Lang lang) {
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        String wanted = q.toLowerCase(Locale.ROOT);
        List<Agency> matches = wanted.isEmpty()
                ? List.of()
                : directory.agencies().stream()
                        .filter(a -> a.nameZh().toLowerCase(Locale.ROOT).contains(wanted))
                        .toList();
        // Group: each match appears once, under its parent when the parent is registered too.
        Map<String, Agency> tops = new TreeMap<>();
        for (Agency match : matches) {
            Agency top = match.parent() == null
                    ? match
                    : directory.agencies().stream()
                            .filter(a -> a.slug().equals(match.parent()))
                            .findFirst()
                            .orElse(match);
            tops.put(top.nameZh() + "|" + top.slug(), top);
        }
        List<Hit> hits = tops.values().stream()
                .map(top -> hit(
                        directory,
                        top,
                        directory.children(top).stream()
                                .map(child -> hit(directory, child, List.of()))
                                .toList()))
                .toList();
        return pages.render(
                "search",
                lang,
                "/public/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                Map.of("query", q, "found", matches.size(), "hits", hits, "maxQuery", MAX_QUERY));
    }

    private static Hit hit(Directory directory, Agency agency, List<Hit> children) {
        return new Hit(agency, directory.jurisdictionOf(agency), directory.years(agency), children);
    }
}
