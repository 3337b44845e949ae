package dev.unitsbench.reports.claims;

import java.util.List;

/**
 * One claim of the tutorial, as the catalog ({@code claims.json}) states it.
 *
 * @param id                 T1..T4 for timing claims, Q1..Q12 for qualitative ones
 * @param title              a few words, for headings
 * @param sentence           the claim in one sentence
 * @param tutorialExperiment what the tutorial ran to show it (or "stated, not measured")
 * @param tutorialFigures    the tutorial's own numbers, as text
 * @param referenceFigures   the same experiment in CPython elsewhere, for orientation; may be empty
 * @param jvmExpectation     what the JVM changes and what a reader should expect here
 * @param source             which tutorial file says it
 * @param figures            the results shown as "JVM figures" and in the claim's bar chart; may be null
 * @param scaling            results drawn as time against a numeric param; may be null
 * @param comparisons        the tests behind the verdict; empty when no benchmark answers it yet
 * @param findingTests       JUnit tests ({@code pkg.ClassTest#method}) whose findings decide the
 *                           claim (see {@code --findings}); empty for most claims
 * @param cpythonCrossCheck  whether the claim shows the CPython run of its experiment on this
 *                           machine (see {@code --python}) beside its JVM figures
 * @param checkOnlyTests     finding tests listed as {@code {"test": "...", "evidence": false}}:
 *                           their findings are shown as checks and never counted for the verdict,
 *                           whatever the finding file says (e.g. a correctness check of the suite)
 * @param breakEven          where one side starts to win as a numeric param (the work size) grows,
 *                           reported beside the verdict (see {@link BreakEven}); null for most claims
 */
public record Claim(String id, String title, String sentence, String tutorialExperiment, String tutorialFigures,
                    String referenceFigures, String jvmExpectation, String source,
                    FigureSpec figures, ScalingSpec scaling, List<ComparisonSpec> comparisons, List<String> findingTests,
                    boolean cpythonCrossCheck, java.util.Set<String> checkOnlyTests, BreakEven.Spec breakEven) {

    public Claim(String id, String title, String sentence, String tutorialExperiment, String tutorialFigures,
                 String referenceFigures, String jvmExpectation, String source,
                 FigureSpec figures, ScalingSpec scaling, List<ComparisonSpec> comparisons, List<String> findingTests,
                 boolean cpythonCrossCheck, java.util.Set<String> checkOnlyTests) {
        this(id, title, sentence, tutorialExperiment, tutorialFigures, referenceFigures, jvmExpectation, source,
                figures, scaling, comparisons, findingTests, cpythonCrossCheck, checkOnlyTests, null);
    }

    public Claim(String id, String title, String sentence, String tutorialExperiment, String tutorialFigures,
                 String referenceFigures, String jvmExpectation, String source,
                 FigureSpec figures, ScalingSpec scaling, List<ComparisonSpec> comparisons, List<String> findingTests,
                 boolean cpythonCrossCheck) {
        this(id, title, sentence, tutorialExperiment, tutorialFigures, referenceFigures, jvmExpectation, source,
                figures, scaling, comparisons, findingTests, cpythonCrossCheck, java.util.Set.of());
    }

    public Claim(String id, String title, String sentence, String tutorialExperiment, String tutorialFigures,
                 String referenceFigures, String jvmExpectation, String source,
                 FigureSpec figures, ScalingSpec scaling, List<ComparisonSpec> comparisons, List<String> findingTests) {
        this(id, title, sentence, tutorialExperiment, tutorialFigures, referenceFigures, jvmExpectation, source,
                figures, scaling, comparisons, findingTests, false);
    }

    public Claim(String id, String title, String sentence, String tutorialExperiment, String tutorialFigures,
                 String referenceFigures, String jvmExpectation, String source,
                 FigureSpec figures, ScalingSpec scaling, List<ComparisonSpec> comparisons) {
        this(id, title, sentence, tutorialExperiment, tutorialFigures, referenceFigures, jvmExpectation, source,
                figures, scaling, comparisons, List.of());
    }

    /** Results shown per model: a bar chart with one bar per {@code category} value. */
    public record FigureSpec(Selector selector, String category) {
    }

    /** Results drawn as lines against the numeric param {@code x}, one line per {@code series} value. */
    public record ScalingSpec(Selector selector, String x, String series) {
    }

    /** What a comparison is for: whether it decides the claim's word. */
    public enum Role {
        /** Counts toward the claim's word (per condition). */
        EVIDENCE,
        /**
         * A place where the claim is expected to change on the JVM ({@code predicts} says how):
         * shown with whether the JVM did as predicted, never counted toward the claim's word.
         */
        JVM_EXPECTATION,
        /** The suite's own engineering, or a row true by construction: shown with its figures, never counted. */
        CONTEXT;

        /** The catalog's spelling: evidence, jvm-expectation, context. */
        public String catalogName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The equivalence margin a comparison gets unless the catalog gives its own: +-5% (see {@link VerdictRules}). */
    public static final double DEFAULT_MARGIN = 0.05;

    /**
     * A claimed difference: results of {@code faster} should beat those of {@code slower}.
     * Both sides start from {@code common}; each may name other benchmarks, add params and
     * name a secondary metric to compare instead of the primary score. Results are paired on
     * the params no selector fixes, so one spec yields one comparison per value of, say,
     * {@code sleepMillis}.
     *
     * <p>A check ({@code expect} not null) has no sides: every result {@code common} picks is
     * tested against the expectation on its own, e.g. "ticketsOversold: every == 0".
     *
     * @param lowerIsBetter for a secondary metric: whether the lower value is the better one
     *                      (the default, as for bytes); ignored for the primary score, whose
     *                      direction comes from the benchmark mode
     * @param expect        null for a two-sided comparison
     * @param claimed       the effect size the tutorial claims, as a ratio in the claimed
     *                      direction; null when it states none
     * @param byEffect      the verdict is decided by the claimed range, not by the direction
     *                      ({@code "decide": "claimed"}): for a prediction about size, such as
     *                      "N threads under a GIL take N times one", where the direction alone
     *                      would hold by construction
     * @param role          evidence, jvm-expectation or context
     * @param condition     the condition the row's word holds under, e.g. "under a GIL"; null when
     *                      the claim has one condition
     * @param margin        the equivalence margin as a fraction (0.05: level when the interval lies
     *                      within 1/1.05 and 1.05)
     * @param predicts      what the row is expected to show: {@link Verdict#HOLDS} (the claimed
     *                      side better, the default), {@link Verdict#LEVEL}, or, for a
     *                      jvm-expectation row, {@link Verdict#REVERSED}
     */
    public record ComparisonSpec(String label, Selector common, Selector faster, Selector slower,
                                 boolean lowerIsBetter, Expectation expect, ClaimedEffect claimed, boolean byEffect,
                                 Role role, String condition, double margin, Verdict predicts) {

        public ComparisonSpec(String label, Selector common, Selector faster, Selector slower,
                              boolean lowerIsBetter, Expectation expect, ClaimedEffect claimed, boolean byEffect) {
            this(label, common, faster, slower, lowerIsBetter, expect, claimed, byEffect, Role.EVIDENCE, null, DEFAULT_MARGIN,
                    Verdict.HOLDS);
        }

        public ComparisonSpec(String label, Selector common, Selector faster, Selector slower,
                              boolean lowerIsBetter, Expectation expect, ClaimedEffect claimed) {
            this(label, common, faster, slower, lowerIsBetter, expect, claimed, false);
        }

        public ComparisonSpec(String label, Selector common, Selector faster, Selector slower,
                              boolean lowerIsBetter, Expectation expect) {
            this(label, common, faster, slower, lowerIsBetter, expect, null);
        }

        public ComparisonSpec(String label, Selector common, Selector faster, Selector slower) {
            this(label, common, faster, slower, true, null, null);
        }

        public boolean isCheck() {
            return expect != null;
        }

    }
}
