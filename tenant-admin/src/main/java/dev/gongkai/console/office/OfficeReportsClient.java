package dev.gongkai.console.office;

import dev.gongkai.contract.OfficeReportView;
import dev.gongkai.contract.RevisionDiff;
import dev.gongkai.contract.RevisionView;
import dev.gongkai.contract.SubmissionRow;
import dev.gongkai.contract.WorkflowStepView;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The office's review of its agencies' reports in the reports service, answered as the contract's records. Built by
 * {@link OfficeController} over the signed-in user's client, so error answers arrive as
 * {@link dev.gongkai.console.services.ServiceProblem}.
 */
@HttpExchange("/api/office")
interface OfficeReportsClient {

    /** Every agency of the caller's jurisdictions with where its report of {@code year} is; only those in
     * {@code status} when it is given. */
    @GetExchange("/submissions")
    List<SubmissionRow> submissions(@RequestParam int year, @RequestParam(required = false) SubmissionRow.State status);

    /** The report with its findings, comments and attachments, and what the office may do with it. */
    @GetExchange("/reports/{agency}/{year}")
    OfficeReportView report(@PathVariable String agency, @PathVariable int year);

    /** The report's workflow steps (who signed off and submitted, who returned or approved, when), oldest first. */
    @GetExchange("/reports/{agency}/{year}/steps")
    List<WorkflowStepView> steps(@PathVariable String agency, @PathVariable int year);

    /** Every saved revision, oldest first. */
    @GetExchange("/reports/{agency}/{year}/revisions")
    List<RevisionView> revisions(@PathVariable String agency, @PathVariable int year);

    @GetExchange("/reports/{agency}/{year}/revisions/{from}/diff/{to}")
    RevisionDiff diff(
            @PathVariable String agency, @PathVariable int year, @PathVariable int from, @PathVariable int to);
}
