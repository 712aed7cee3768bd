package dev.gongkai.publishing.branches;

import dev.gongkai.contract.AgencyStatus;
import dev.gongkai.contract.BranchProgress;
import dev.gongkai.contract.China;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.publishing.revisions.Deadlines;
import dev.gongkai.publishing.revisions.ReportState;
import dev.gongkai.publishing.revisions.ReportStates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A parent agency (市公安局) watching its branches (分局): the progress of every agency below it, at any depth, from
 * the {@code report_state} read model. Only the parent's own admin and approver may look; an editor drafts, and
 * office staff acting on the agency have their own compliance views.
 */
@Service
class Branches {

    private final AgencyRegistry registry;
    private final ReportStates states;
    private final Clock clock;

    Branches(AgencyRegistry registry, ReportStates states, Clock clock) {
        this.registry = registry;
        this.states = states;
        this.clock = clock;
    }

    /** The branches of the acting agency with their report of the year, parents before their branches. */
    List<BranchProgress> progress(ActingAgency acting, int year) {
        if (acting.viaOffice()
                || !(acting.caller().hasRole(Roles.AGENCY_ADMIN)
                        || acting.caller().hasRole(Roles.AGENCY_APPROVER))) {
            throw new ApiException(ProblemCode.ACCESS_DENIED).variant("branches");
        }
        List<Agency> below = below(acting.slug());
        Map<String, ReportState> byAgency = states
                .of(below.stream().map(Agency::slug).toList(), year)
                .stream()
                .collect(Collectors.toMap(ReportState::agency, Function.identity()));
        LocalDate today = LocalDate.now(clock.withZone(China.ZONE));
        return below.stream()
                .map(a -> progress(a, year, byAgency.get(a.slug().value()), today))
                .toList();
    }

    /** Every agency below {@code root}, breadth first and by slug within a level; archived ones report no more. */
    private List<Agency> below(AgencySlug root) {
        List<Agency> all = registry.all();
        List<Agency> found = new ArrayList<>();
        Set<AgencySlug> seen = new HashSet<>(Set.of(root));
        Set<AgencySlug> level = Set.of(root);
        while (!level.isEmpty()) {
            Set<AgencySlug> parents = level;
            List<Agency> next = all.stream()
                    .filter(a -> a.parent() != null && parents.contains(a.parent()) && seen.add(a.slug()))
                    .toList();
            found.addAll(next);
            level = next.stream().map(Agency::slug).collect(Collectors.toSet());
        }
        return found.stream().filter(a -> a.status() != AgencyStatus.ARCHIVED).toList();
    }

    private static BranchProgress progress(Agency agency, int year, ReportState state, LocalDate today) {
        LocalDate deadline = Deadlines.of(agency, year);
        if (state == null) {
            return new BranchProgress(
                    agency.slug().value(),
                    agency.nameZh(),
                    agency.parent().value(),
                    year,
                    null,
                    0,
                    0,
                    null,
                    null,
                    deadline,
                    false,
                    today.isAfter(deadline));
        }
        boolean published = state.firstPublishedAt() != null;
        return new BranchProgress(
                agency.slug().value(),
                agency.nameZh(),
                agency.parent().value(),
                year,
                state.status(),
                state.errors(),
                state.warnings(),
                state.submittedAt(),
                state.firstPublishedAt(),
                deadline,
                published && state.late(),
                !published && today.isAfter(deadline));
    }
}
