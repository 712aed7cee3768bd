package dev.gongkai.reports.workflow;

import dev.gongkai.contract.TransitionRequest;
import dev.gongkai.contract.TransitionResult;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.reports.report.Permissions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The agency's transitions: request sign-off, submit, withdraw. */
@RestController
class TransitionController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Transitions transitions;

    TransitionController(Transitions transitions) {
        this.transitions = transitions;
    }

    @PostMapping("/api/reports/{year}/transitions")
    ResponseEntity<TransitionResult> transition(
            ActingAgency acting,
            @PathVariable int year,
            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody TransitionRequest request) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        return transitions.apply(acting, year, request, key, false).toResponse();
    }
}
