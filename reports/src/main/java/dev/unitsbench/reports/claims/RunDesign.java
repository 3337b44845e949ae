package dev.unitsbench.reports.claims;

import java.util.List;

/**
 * What the evaluator needs to know about how a run was made, beyond its results.
 *
 * @param forksInRounds fork i of every benchmark ran in round i (the suite's runner says so in
 *                      machine.json), so two results' forks can be paired by round
 * @param cores         the CPUs of the machine that ran it, for claims whose size depends on
 *                      them; 0 when unknown
 * @param looks         the rounds after which the runner looked at the rows and ran further rounds
 *                      only for the open ones (a group-sequential run); empty for a run of fixed size
 * @param stopped       why the runner's last stage stopped, e.g. "the time budget (2 min)"; null when unknown
 */
public record RunDesign(boolean forksInRounds, int cores, List<Integer> looks, String stopped) {

    /** A result file of unknown origin: forks compared as independent, cores unknown. */
    public static final RunDesign UNKNOWN = new RunDesign(false, 0);

    public RunDesign {
        looks = List.copyOf(looks);
    }

    /** A run of fixed size. */
    public RunDesign(boolean forksInRounds, int cores) {
        this(forksInRounds, cores, List.of(), null);
    }

    /** Whether rows are decided look by look: the runner says so, and forks can be paired by round. */
    public boolean sequential() {
        return forksInRounds && !looks.isEmpty();
    }
}
