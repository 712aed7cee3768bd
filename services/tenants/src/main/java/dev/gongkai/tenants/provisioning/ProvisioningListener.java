package dev.gongkai.tenants.provisioning;

import dev.gongkai.contract.ProvisioningStep;
import dev.gongkai.platform.agency.AgencySlug;

/**
 * Told after each provisioning step has completed and been recorded. An exception thrown here stops provisioning
 * as a crash between two steps would, which is how the tests prove that provisioning resumes.
 */
public interface ProvisioningListener {

    void stepCompleted(AgencySlug agency, ProvisioningStep step);
}
