package dev.unitsbench.reports.claims;

/**
 * What the evaluator needs to know about how a run was made, beyond its results.
 *
 * @param forksInRounds fork i of every benchmark ran in round i (the suite's runner says so in
 *                      machine.json), so two results' forks can be paired by round
 * @param cores         the CPUs of the machine that ran it, for claims whose size depends on
 *                      them; 0 when unknown
 */
public record RunDesign(boolean forksInRounds, int cores) {

    /** A result file of unknown origin: forks compared as independent, cores unknown. */
    public static final RunDesign UNKNOWN = new RunDesign(false, 0);
}
