package dev.unitsbench.reports.stats;

import dev.unitsbench.reports.read.Samples;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatisticsTest {

    private static final double EPS = 1e-9;

    @Test
    void meanAndStudentIntervalOfFiveValuesMatchTheHandComputation() {
        // mean 3; s^2 = (4+1+0+1+4)/4 = 2.5; se = sqrt(2.5/5) = 0.70710678;
        // t(0.975, 4) = 2.7764451052; half-width = 1.9632431615.
        Estimate e = Statistics.estimate(Samples.ofReplicates(1, 2, 3, 4, 5), 0.95, "ms/op");
        assertEquals(3.0, e.mean(), EPS);
        assertEquals(Math.sqrt(2.5), e.sd(), EPS);
        assertEquals(5, e.n());
        assertEquals(3 - 1.9632431614775572, e.low(), 1e-8);
        assertEquals(3 + 1.9632431614775572, e.high(), 1e-8);
        assertEquals("ms/op", e.unit());
    }

    @Test
    void oneSampleHasAMeanButNoInterval() {
        Estimate e = Statistics.estimate(Samples.ofReplicates(42), 0.95, "s/op");
        assertEquals(42, e.mean(), EPS);
        assertEquals(1, e.n());
        assertFalse(e.hasInterval());
    }

    @Test
    void welchTestMatchesAKnownCase() {
        // Reference: scipy.stats.ttest_ind(a, b, equal_var=False) -> t = -1.8973665961, p = 0.1075311949;
        // Welch-Satterthwaite df = (0.5 + 2)^2 / (0.5^2/4 + 2^2/4) = 5.8823529412.
        WelchTest test = Statistics.welch(Samples.ofReplicates(1, 2, 3, 4, 5), Samples.ofReplicates(2, 4, 6, 8, 10));
        assertEquals(-1.8973665961010275, test.t(), 1e-9);
        assertEquals(0.10753119493062728, test.pValue(), 1e-7);
        assertEquals(5.882352941176471, test.degreesOfFreedom(), 1e-9);
        assertFalse(test.significantAt(0.05));
        assertTrue(test.significantAt(0.2));
    }

    @Test
    void welchTestFindsAClearDifference() {
        // Reference: scipy.stats.ttest_ind(x, y, equal_var=False) -> t = -16.8477573396, p = 4.3588659e-09.
        WelchTest test = Statistics.welch(Samples.ofReplicates(10.1, 9.8, 10.3, 10.0, 9.9, 10.2),
                Samples.ofReplicates(12.0, 12.5, 11.8, 12.2, 12.4, 11.9, 12.1));
        assertEquals(-16.847757339607615, test.t(), 1e-8);
        assertEquals(4.358865881700106e-09, test.pValue(), 1e-12);
        assertTrue(test.significantAt(0.05));
    }

    @Test
    void welchTestIsUndefinedWithoutVarianceOrWithOneSample() {
        assertTrue(Double.isNaN(Statistics.welch(Samples.ofReplicates(1, 1, 1), Samples.ofReplicates(2, 2, 2)).pValue()));
        assertTrue(Double.isNaN(Statistics.welch(Samples.ofReplicates(1), Samples.ofReplicates(2, 3, 4)).pValue()));
        assertFalse(Statistics.welch(Samples.ofReplicates(1), Samples.ofReplicates(2, 3, 4)).significantAt(0.05));
    }

    @Test
    void fiellerIntervalMatchesAKnownCase() {
        // Ratio mean(2,4,6,8,10) / mean(1,2,3,4,5) = 2, t(0.975, 5.88235) = 2.4588237097,
        // g = t^2 * 0.5 / 9 = 0.3358785575: interval 0.7600275254 .. 5.2629672827 (asymmetric,
        // as Fieller's interval is when the denominator is noisy).
        RatioEstimate r = Statistics.ratio(Samples.ofReplicates(2, 4, 6, 8, 10), Samples.ofReplicates(1, 2, 3, 4, 5), 0.95);
        assertEquals(2.0, r.ratio(), EPS);
        assertEquals(0.7600275253704284, r.low(), 1e-8);
        assertEquals(5.262967282731566, r.high(), 1e-8);
        assertTrue(r.bounded());
    }

    @Test
    void fiellerEndsAreWhereTheTStatisticOfTheLinearCombinationEqualsTheQuantile() {
        // The defining property of Fieller's interval, independent of its closed form: at each
        // end r, (mean(a) - r mean(b))^2 = t^2 (se(a)^2 + r^2 se(b)^2).
        Samples a = Samples.ofReplicates(101, 98, 103, 99, 100, 102);
        Samples b = Samples.ofReplicates(49, 51, 50, 52, 48);
        RatioEstimate r = Statistics.ratio(a, b, 0.95);
        double ma = 100.5, mb = 50;
        double va = 3.5 / 6, vb = 2.5 / 5;
        double df = (va + vb) * (va + vb) / (va * va / 5 + vb * vb / 4);
        double t = Statistics.tQuantile(0.95, df);
        for (double end : new double[]{r.low(), r.high()}) {
            double lhs = (ma - end * mb) * (ma - end * mb);
            double rhs = t * t * (va + end * end * vb);
            assertEquals(rhs, lhs, 1e-8 * rhs);
        }
        assertTrue(r.low() < 2.01 && r.high() > 2.01);
    }

    @Test
    void fiellerIntervalIsUnboundedWhenTheDenominatorCouldBeZero() {
        RatioEstimate r = Statistics.ratio(Samples.ofReplicates(10, 11, 12), Samples.ofReplicates(-1, 0.5, 1, 2), 0.95);
        assertFalse(r.bounded());
    }

    @Test
    void fiellerIntervalWithAnExactDenominatorIsTheNumeratorsIntervalScaled() {
        // Denominator without variance: g = 0 and the interval is mean(a)/b ± t se(a)/b.
        RatioEstimate r = Statistics.ratio(Samples.ofReplicates(1, 2, 3, 4, 5), Samples.ofReplicates(2, 2, 2, 2, 2), 0.95);
        Estimate a = Statistics.estimate(Samples.ofReplicates(1, 2, 3, 4, 5), 0.95, "x");
        assertEquals(a.low() / 2, r.low(), 1e-9);
        assertEquals(a.high() / 2, r.high(), 1e-9);
    }
}
