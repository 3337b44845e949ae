package dev.unitsbench.model;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The tests' fixture for the lean child JVM: before each test class, the explicit step a JVM run
 * without the suite's runner takes ({@link LeanChildJvm#prepareUnlessHandedDown()}), so that the
 * first class prepares it once for the whole test JVM and the rest find it handed down. Registered
 * for every test class by JUnit's extension auto-detection (src/test/resources).
 */
public final class LeanChildPrepared implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        LeanChildJvm.prepareUnlessHandedDown();
    }
}
