package dev.gongkai.publishing.reminders;

import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.publishing.compliance.OfficeScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The reminders as the office sees them (its jurisdictions) and as an agency sees them (its own). */
@RestController
class NotificationController {

    private final Reminders reminders;
    private final OfficeScope scope;

    NotificationController(Reminders reminders, OfficeScope scope) {
        this.reminders = reminders;
        this.scope = scope;
    }

    record Notifications(Integer year, List<Notification> notifications) {
    }

    @GetMapping("/api/office/notifications")
    Notifications office(Caller caller, @RequestParam(required = false) Integer year) {
        List<Jurisdiction> jurisdictions = scope.jurisdictions(caller);
        int y = OfficeScope.year(year);
        return new Notifications(y, reminders.ofJurisdictions(jurisdictions.stream().map(Jurisdiction::slug).toList(), y));
    }

    @GetMapping("/api/notifications")
    Notifications mine(ActingAgency acting, @RequestParam(required = false) Integer year) {
        return new Notifications(year, reminders.ofAgency(acting.slug(), year));
    }
}
