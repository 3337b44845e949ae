package dev.unitsbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.ThroughputResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

/** JMH results made by hand, as a run would make them: one measured iteration per fork. */
final class FakeResults {

    private FakeResults() {
    }

    static BenchmarkParams params(String benchmark, Map<String, String> params) {
        WorkloadParams workload = new WorkloadParams();
        int order = 0;
        for (Map.Entry<String, String> p : new TreeMap<>(params).entrySet()) {
            workload.put(p.getKey(), p.getValue(), order++);
        }
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 0, TimeValue.seconds(1), 1);
        IterationParams measurement = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.seconds(1), 1);
        return new BenchmarkParams(benchmark, benchmark + "_generated", false, 1, new int[] {1}, List.of(), 1, 0, warmup,
                measurement, Mode.Throughput, workload, TimeUnit.SECONDS, 1, "java", List.of(), "21", "vm", "21", "1.37",
                TimeValue.minutes(10));
    }

    /** A result of {@code benchmark} with these params and {@code forks} forks, each scoring {@code score}. */
    static RunResult result(String benchmark, Map<String, String> params, int forks, double score) {
        BenchmarkParams p = params(benchmark, params);
        List<BenchmarkResult> results = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            IterationResult iteration = new IterationResult(p, p.getMeasurement(), new IterationResultMetaData(1, 1));
            iteration.addResult(new ThroughputResult(ResultRole.PRIMARY, "op", score, TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS));
            results.add(new BenchmarkResult(p, List.of(iteration)));
        }
        return new RunResult(p, results);
    }
}
