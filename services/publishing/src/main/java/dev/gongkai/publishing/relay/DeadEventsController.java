package dev.gongkai.publishing.relay;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/dead-events")
@Tag(name = "Administration")
class DeadEventsController {

    private final DeadLetters deadLetters;

    DeadEventsController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record Requeued(String id, String entry) {}

    @GetMapping
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(
            summary = "Events given up after the maximum number of attempts",
            description = "Newest first: the outbox id, type, aggregate, attempts, the last error and when it was "
                    + "buried (the payload stays on the dead-letter stream).")
    List<DeadLetters.DeadEvent> list(@RequestParam(defaultValue = "100") int limit) {
        return deadLetters.list(Math.clamp(limit, 1, 1000));
    }

    @PostMapping("/{id}/requeue")
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(
            summary = "Send a dead event back to the event stream once its cause is fixed",
            description = "Handling is idempotent: an event that was applied meanwhile changes nothing.")
    Requeued requeue(@PathVariable String id) {
        return deadLetters
                .requeue(id)
                .map(entry -> new Requeued(id, entry))
                .orElseThrow(() -> new ApiException(ProblemCode.DEAD_EVENT_NOT_FOUND, id));
    }
}
