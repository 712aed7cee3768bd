package dev.gongkai.reports.review;

import dev.gongkai.contract.CommentView;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.reports.report.Permissions;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's comments as the agency sees them (a returned report comes back with them), the agency's replies, and
 * the editor marking a comment resolved.
 */
@RestController
class AgencyCommentController {

    private final Comments comments;

    AgencyCommentController(Comments comments) {
        this.comments = comments;
    }

    @GetMapping("/api/reports/{year}/comments")
    List<CommentView> comments(ActingAgency acting, @PathVariable int year) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        return comments.threads(acting, year);
    }

    @PostMapping("/api/reports/{year}/comments/{id}/replies")
    ResponseEntity<CommentView> reply(
            ActingAgency acting,
            @PathVariable int year,
            @PathVariable long id,
            @RequestBody OfficeController.Reply reply) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        return ResponseEntity.status(HttpStatus.CREATED).body(comments.reply(acting, year, id, reply.body()));
    }

    /** The agency's editor marks a comment dealt with; the office sees it resolved too. */
    @PostMapping("/api/reports/{year}/comments/{id}/resolve")
    CommentView resolve(ActingAgency acting, @PathVariable int year, @PathVariable long id) {
        Permissions.requireMember(acting, Roles.AGENCY_EDITOR);
        return comments.resolve(acting, year, id);
    }
}
