package dev.gongkai.tenants.provisioning;

import java.util.List;

/**
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
