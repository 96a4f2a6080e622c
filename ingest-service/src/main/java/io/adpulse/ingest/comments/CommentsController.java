package io.adpulse.ingest.comments;

import io.adpulse.ingest.web.WriteAccess;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;

/**
 * The comment queue: {@code GET /api/ingest/comments?status=NEW|ASSIGNED|OPEN|HANDLED|ALL[&connectionId=][&assignee=]}
 * (default OPEN, newest first, at most 200). Assigning, marking handled, replying and hiding are commands.
 */
@RestController
@RequestMapping("/api/ingest/comments")
class CommentsController {

    private static final Set<String> STATUSES = Set.of("NEW", "ASSIGNED", "OPEN", "HANDLED", "ALL");
    private static final int LIMIT = 200;

    private final CommentTriage triage;

    CommentsController(CommentTriage triage) {
        this.triage = triage;
    }

    @GetMapping
    Flux<TriagedComment> list(@RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(required = false) String connectionId, @RequestParam(required = false) String assignee,
            @org.springframework.web.bind.annotation.RequestHeader(name = WriteAccess.ROLES_HEADER, required = false)
            String roles) {
        String wanted = status.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(wanted)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status must be one of " + STATUSES + ".");
        }
        if (roles != null && roles.toUpperCase(Locale.ROOT).contains("CLIENT")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Creators' comments are not visible to CLIENT users.");
        }
        return triage.list(wanted, connectionId, assignee, LIMIT);
    }

    @ExceptionHandler(CommentRejected.class)
    ProblemDetail rejected(CommentRejected e) {
        return ProblemDetail.forStatusAndDetail(e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
                e.getMessage());
    }
}
