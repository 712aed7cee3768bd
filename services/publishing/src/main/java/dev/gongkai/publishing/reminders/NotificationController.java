package dev.gongkai.publishing.reminders;

import dev.gongkai.contract.ComplianceRow;
import dev.gongkai.contract.ReminderList;
import dev.gongkai.contract.ReminderRequest;
import dev.gongkai.contract.ReminderSchedule;
import dev.gongkai.contract.ReminderScheduleRequest;
import dev.gongkai.contract.ReminderView;
import dev.gongkai.contract.RemindersSent;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.Actors;
import dev.gongkai.publishing.compliance.Compliance;
import dev.gongkai.publishing.compliance.OfficeScope;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reminders as the office sees them (its jurisdictions, or one agency's history) and as an agency sees them (its
 * own); the office's reminders by hand and its schedule for reminders after the deadline.
 */
@RestController
class NotificationController {

    private final Reminders reminders;
    private final Compliance compliance;
    private final OfficeScope scope;
    private final Actors actors;

    NotificationController(Reminders reminders, Compliance compliance, OfficeScope scope, Actors actors) {
        this.reminders = reminders;
        this.compliance = compliance;
        this.scope = scope;
        this.actors = actors;
    }

    /** @param agency one agency's history only */
    @GetMapping("/api/office/notifications")
    ReminderList office(
            Caller caller,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String agency) {
        List<Jurisdiction> jurisdictions = scope.jurisdictions(caller);
        int y = OfficeScope.year(year);
        List<ReminderView> all = reminders.ofJurisdictions(
                jurisdictions.stream().map(Jurisdiction::slug).toList(), y);
        return new ReminderList(
                y,
                agency == null || agency.isBlank()
                        ? all
                        : all.stream()
                                .filter(n -> n.agency().equals(agency.strip()))
                                .toList());
    }

    @GetMapping("/api/notifications")
    ReminderList mine(ActingAgency acting, @RequestParam(required = false) Integer year) {
        return new ReminderList(year, reminders.ofAgency(acting.slug(), year));
    }

    @PostMapping("/api/office/reminders")
    RemindersSent remind(
            Caller caller,
            @RequestBody ReminderRequest request,
            @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        List<Jurisdiction> jurisdictions = scope.jurisdictions(caller);
        int year = OfficeScope.year(request.year());
        if (key != null && (key.isBlank() || key.length() > 64)) {
            throw new ApiException(ProblemCode.IDEMPOTENCY_KEY_INVALID);
        }
        List<ComplianceRow> rows = compliance.rows(jurisdictions, year);
        List<ComplianceRow> chosen;
        if (request.agency() != null && !request.agency().isBlank()) {
            ComplianceRow row = rows.stream()
                    .filter(r -> r.agency().equals(request.agency().strip()))
                    .findFirst()
                    .orElseThrow(() -> new ApiException(ProblemCode.AGENCY_NOT_FOUND, request.agency()));
            if (!row.notSubmitted()) {
                throw new ApiException(ProblemCode.REMINDER_NOT_OWED, row.nameZh(), String.valueOf(year));
            }
            chosen = List.of(row);
        } else if (Boolean.TRUE.equals(request.allLate())) {
            chosen = rows.stream()
                    .filter(r -> r.notSubmitted() && r.compliance() == ComplianceRow.Compliance.OVERDUE)
                    .toList();
        } else {
            throw new ApiException(ProblemCode.REMINDER_TARGET_REQUIRED).atField("agency");
        }
        int created = reminders.byHand(chosen, actors.of(caller), key);
        return new RemindersSent(
                year, created, chosen.stream().map(ComplianceRow::agency).toList());
    }

    @GetMapping("/api/office/reminder-schedule")
    ReminderSchedule schedule(Caller caller, @RequestParam(required = false) String jurisdiction) {
        return reminders.schedule(scope.one(caller, jurisdiction));
    }

    @PutMapping("/api/office/reminder-schedule")
    ReminderSchedule saveSchedule(Caller caller, @RequestBody ReminderScheduleRequest request) {
        Jurisdiction jurisdiction = scope.one(caller, request.jurisdiction());
        scope.requireAdmin(caller);
        return reminders.saveSchedule(jurisdiction, request.overdueEveryDays(), actors.of(caller));
    }
}
