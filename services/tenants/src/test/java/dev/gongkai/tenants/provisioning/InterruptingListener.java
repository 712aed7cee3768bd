package dev.gongkai.tenants.provisioning;

import dev.gongkai.contract.ProvisioningStep;
import dev.gongkai.platform.agency.AgencySlug;

/** Simulates a crash right after a chosen step of a chosen agency, once. */
class InterruptingListener implements ProvisioningListener {

    static final class Crash extends RuntimeException {
        Crash(ProvisioningStep step) {
            super("simulated crash after " + step);
        }
    }

    private volatile AgencySlug agency;
    private volatile ProvisioningStep after;

    void crashOnceAfter(AgencySlug agency, ProvisioningStep step) {
        this.agency = agency;
        this.after = step;
    }

    @Override
    public void stepCompleted(AgencySlug agency, ProvisioningStep step) {
        if (agency.equals(this.agency) && step == after) {
            this.agency = null;
            throw new Crash(step);
        }
    }
}
