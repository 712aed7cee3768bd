package dev.gongkai.contract;

import java.util.List;

/**
 * What provisioning an agency did ({@code POST /api/agencies} of the tenants service), step by step.
 *
 * @param initialAdminPassword the first admin's temporary password, only in the run that created the user; it must
 *                             be changed at first login
 */
public record ProvisioningReport(
        String agency, Outcome outcome, List<StepResult> steps, String adminUsername, String initialAdminPassword) {

    public enum Outcome {
        /** at least one step changed something */
        PROVISIONED,
        /** every step found its work already done */
        UNCHANGED
    }

    public record StepResult(ProvisioningStep step, StepOutcome outcome) {}

    public enum StepOutcome {
        DONE,
        ALREADY_DONE,
        SKIPPED
    }
}
