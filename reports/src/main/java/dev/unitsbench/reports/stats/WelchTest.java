package dev.unitsbench.reports.stats;

/**
 * Result of Welch's two-sample t-test (unequal variances).
 *
 * @param t                 the t statistic of mean(a) - mean(b)
 * @param degreesOfFreedom  Welch-Satterthwaite degrees of freedom
 * @param pValue            two-sided p-value; NaN when the test is undefined (fewer than two
 *                          samples on a side, or no variance on either side)
 */
public record WelchTest(double t, double degreesOfFreedom, double pValue) {

    /** True when the test is defined and its p-value is below {@code alpha}. */
    public boolean significantAt(double alpha) {
        return !Double.isNaN(pValue) && pValue < alpha;
    }
}
