package dev.unitsbench.reports.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitsbench.reports.error.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads the catalog of claims: {@code claims.json} on the class path, or a file given with
 * {@code --catalog}. The catalog is data so that a new claim, or a new benchmark answering an
 * old one, is an edit of that file alone; its {@code about} field describes the schema.
 */
public final class ClaimCatalog {

    /** Where the built-in catalog lives on the class path. */
    public static final String BUILT_IN = "/dev/unitsbench/reports/claims/claims.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimCatalog() {
    }

    public static List<Claim> builtIn() {
        try (InputStream in = ClaimCatalog.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in catalog " + BUILT_IN + " is missing from the jar");
            }
            return parse(JSON.readTree(in), "built-in catalog");
        } catch (IOException e) {
            throw new IllegalStateException("built-in catalog " + BUILT_IN + " is unreadable", e);
        }
    }

    public static List<Claim> fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("catalog file " + file + " does not exist: pass the path of a claims JSON file, or drop --catalog to use the built-in one.");
        }
        try {
            return parse(JSON.readTree(file.toFile()), "catalog file " + file);
        } catch (JsonProcessingException e) {
            throw new UserError("catalog file " + file + " is not valid JSON (" + e.getOriginalMessage() + "): fix it or drop --catalog.");
        } catch (IOException e) {
            throw new UserError("catalog file " + file + " cannot be read (" + e.getMessage() + ").");
        }
    }

    static List<Claim> parse(JsonNode root, String what) {
        JsonNode claims = root.path("claims");
        if (!claims.isArray()) {
            throw new UserError(what + " has no \"claims\" list: see the \"about\" field of the built-in catalog for its shape.");
        }
        List<Claim> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode c : claims) {
            String id = text(c, "id", what, "a claim");
            if (!ids.add(id)) {
                throw new UserError(what + " lists claim " + id + " twice: give each claim its own id.");
            }
            String at = "claim " + id;
            List<Claim.ComparisonSpec> comparisons = new ArrayList<>();
            for (JsonNode cmp : c.path("comparisons")) {
                String label = text(cmp, "label", what, at + ", a comparison");
                String where = what + ": " + at + ", comparison \"" + label + "\"";
                String kind = cmp.path("kind").asText("comparison");
                if (kind.equals("check")) {
                    String expect = cmp.path("expect").asText("");
                    if (expect.isBlank() || !cmp.path("metric").isTextual()) {
                        throw new UserError(where + " is a check and needs a \"metric\" and an \"expect\" such as \"every == 0\".");
                    }
                    Selector common = selector(cmp);
                    if (common.benchmarks().isEmpty()) {
                        throw new UserError(where + " names no benchmark.");
                    }
                    comparisons.add(withRole(new Claim.ComparisonSpec(label, common, null, null, true, Expectation.parse(expect, where)),
                            cmp, where));
                    continue;
                }
                if (!kind.equals("comparison")) {
                    throw new UserError(where + " has kind \"" + kind + "\": use \"comparison\" (the default) or \"check\".");
                }
                if (!cmp.path("faster").isObject() || !cmp.path("slower").isObject()) {
                    throw new UserError(where + " needs a \"faster\" and a \"slower\" side.");
                }
                String better = cmp.path("better").asText("lower");
                if (!better.equals("lower") && !better.equals("higher")) {
                    throw new UserError(where + " has better \"" + better + "\": use \"lower\" or \"higher\".");
                }
                Claim.ComparisonSpec spec = withRole(new Claim.ComparisonSpec(label, selector(cmp),
                        selector(cmp.get("faster")), selector(cmp.get("slower")), better.equals("lower"), null,
                        claimed(cmp.get("claimed"), where), decidedByEffect(cmp, where)), cmp, where);
                if (spec.common().narrowedBy(spec.faster()).benchmarks().isEmpty()
                        || spec.common().narrowedBy(spec.slower()).benchmarks().isEmpty()) {
                    throw new UserError(where + " names no benchmark for one of its sides.");
                }
                comparisons.add(spec);
            }
            Claim.FigureSpec figures = null;
            if (c.path("figures").isObject()) {
                JsonNode f = c.get("figures");
                figures = new Claim.FigureSpec(selector(f), f.path("category").asText("model"));
            }
            Claim.ScalingSpec scaling = null;
            if (c.path("scaling").isObject()) {
                JsonNode s = c.get("scaling");
                scaling = new Claim.ScalingSpec(selector(s), s.path("x").asText("workers"), s.path("series").asText("model"));
            }
            List<String> findingTests = new ArrayList<>();
            Set<String> checkOnly = new HashSet<>();
            for (JsonNode t : c.path("findings")) {
                String test = t.isObject() ? t.path("test").asText("") : t.asText();
                if (test.isBlank()) {
                    throw new UserError(what + ": " + at + " lists a finding that is neither a test name nor {\"test\": \"pkg.ClassTest#method\", \"evidence\": false}.");
                }
                findingTests.add(test);
                if (t.isObject() && !t.path("evidence").asBoolean(true)) {
                    checkOnly.add(test);
                }
            }
            result.add(new Claim(id, text(c, "title", what, at), text(c, "sentence", what, at),
                    c.path("tutorialExperiment").asText(""), c.path("tutorialFigures").asText(""),
                    c.path("referenceFigures").asText(""), c.path("jvmExpectation").asText(""),
                    c.path("source").asText(""), figures, scaling, List.copyOf(comparisons), List.copyOf(findingTests),
                    c.path("cpythonCrossCheck").asBoolean(false), Set.copyOf(checkOnly), breakEven(c.get("breakEven"), what + ": " + at)));
        }
        return List.copyOf(result);
    }

    /**
     * {@code "breakEven": {"benchmarks": [...], "params": {...}, "x": "iterations", "faster": {"model": "PROCESS"},
     * "slower": {"model": "PLATFORM_THREAD"}, "fasterLabel": "processes", "slowerLabel": "threads"}}; null when absent.
     */
    private static BreakEven.Spec breakEven(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        String x = node.path("x").asText("");
        if (!node.isObject() || x.isBlank() || !node.path("faster").isObject() || !node.path("slower").isObject()) {
            throw new UserError(where + " has a \"breakEven\" that lacks \"x\" (the numeric param swept) or the \"faster\" and \"slower\" params, "
                    + "e.g. {\"x\": \"iterations\", \"faster\": {\"model\": \"PROCESS\"}, \"slower\": {\"model\": \"PLATFORM_THREAD\"}}.");
        }
        Selector common = selector(node);
        if (common.benchmarks().isEmpty()) {
            throw new UserError(where + " has a \"breakEven\" that names no benchmark.");
        }
        return new BreakEven.Spec(common, x, textMap(node.get("faster")), textMap(node.get("slower")),
                node.path("fasterLabel").asText(""), node.path("slowerLabel").asText(""));
    }

    private static Map<String, String> textMap(JsonNode node) {
        TreeMap<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /**
     * The row's {@code "role"} (evidence, the default; jvm-expectation; context), {@code "condition"},
     * {@code "margin"} (a fraction, default {@link Claim#DEFAULT_MARGIN}) and {@code "predicts"}
     * (holds, the default; level; for a jvm-expectation row, which needs it, also reversed).
     */
    private static Claim.ComparisonSpec withRole(Claim.ComparisonSpec spec, JsonNode cmp, String where) {
        String roleName = cmp.path("role").asText("evidence");
        Claim.Role role = java.util.Arrays.stream(Claim.Role.values()).filter(r -> r.catalogName().equals(roleName)).findFirst()
                .orElseThrow(() -> new UserError(where + " has role \"" + roleName + "\": use \"evidence\" (the default), "
                        + "\"jvm-expectation\" or \"context\"."));
        // A check's prediction is its expectation: it holds or not.
        String predictsName = cmp.path("predicts").asText(role == Claim.Role.JVM_EXPECTATION && !spec.isCheck() ? "" : "holds");
        Verdict predicts = switch (predictsName) {
            case "holds" -> Verdict.HOLDS;
            case "level" -> Verdict.LEVEL;
            case "reversed" -> role == Claim.Role.JVM_EXPECTATION ? Verdict.REVERSED : null;
            default -> null;
        };
        if (predicts == null) {
            throw new UserError(where + (predictsName.isEmpty() ? " is a jvm-expectation and needs \"predicts\": "
                    : " has predicts \"" + predictsName + "\": use ") + "\"holds\", \"level\""
                    + (role == Claim.Role.JVM_EXPECTATION ? " or \"reversed\"" : " (reversed only for a jvm-expectation row)") + ".");
        }
        double margin = cmp.path("margin").asDouble(Claim.DEFAULT_MARGIN);
        if (!(margin >= 0 && margin < 1)) {
            throw new UserError(where + " has margin " + cmp.path("margin").asText() + ": give a fraction from 0 to below 1, e.g. 0.05 for +-5%.");
        }
        String condition = cmp.path("condition").isTextual() && !cmp.get("condition").asText().isBlank() ? cmp.get("condition").asText() : null;
        return new Claim.ComparisonSpec(spec.label(), spec.common(), spec.faster(), spec.slower(), spec.lowerIsBetter(), spec.expect(),
                spec.claimed(), spec.byEffect(), role, condition, margin, predicts);
    }

    /** {@code "decide": "direction"} (the default) or {@code "claimed"}, which needs a {@code "claimed"} range. */
    private static boolean decidedByEffect(JsonNode cmp, String where) {
        String decide = cmp.path("decide").asText("direction");
        if (!decide.equals("direction") && !decide.equals("claimed")) {
            throw new UserError(where + " has decide \"" + decide + "\": use \"direction\" (the default) or \"claimed\".");
        }
        if (decide.equals("claimed") && !cmp.path("claimed").isObject()) {
            throw new UserError(where + " is decided by its claimed effect but has no \"claimed\" range: add one or drop \"decide\".");
        }
        return decide.equals("claimed");
    }

    /** {@code "claimed": {"min": 10, "max": 100, "text": "10-100x"}}; max absent means open above. */
    private static ClaimedEffect claimed(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode min = node.get("min");
        JsonNode max = node.get("max");
        JsonNode text = node.get("text");
        if (!node.isObject() || min == null || !min.isNumber() || min.asDouble() <= 0 || (max != null && !max.isNumber())
                || text == null || !text.isTextual() || text.asText().isBlank()) {
            throw new UserError(where + " has a \"claimed\" that is not {\"min\": NUMBER > 0, \"max\": NUMBER (optional), \"text\": \"...\"}: "
                    + "write e.g. {\"min\": 10, \"max\": 100, \"text\": \"10-100x\"}.");
        }
        double upper = max == null ? Double.POSITIVE_INFINITY : max.asDouble();
        if (upper < min.asDouble()) {
            throw new UserError(where + " has a \"claimed\" whose max " + upper + " is below its min " + min.asDouble() + ": swap them.");
        }
        int cores = node.path("tutorialCores").asInt(0);
        String workers = node.path("workersParam").isTextual() ? node.get("workersParam").asText() : null;
        if ((cores > 0) != (workers != null)) {
            throw new UserError(where + " has a \"claimed\" that depends on cores only in part: give both \"tutorialCores\" "
                    + "(the tutorial machine's cores) and \"workersParam\" (the param with the number of workers), or neither.");
        }
        return new ClaimedEffect(min.asDouble(), upper, text.asText(), cores, workers);
    }

    private static String text(JsonNode node, String field, String what, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new UserError(what + ": " + at + " has no \"" + field + "\" text.");
        }
        return value.asText();
    }

    private static Selector selector(JsonNode node) {
        List<String> benchmarks = new ArrayList<>();
        node.path("benchmarks").forEach(b -> benchmarks.add(b.asText()));
        if (node.path("benchmark").isTextual()) {
            benchmarks.add(node.get("benchmark").asText());
        }
        TreeMap<String, String> params = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            params.put(p.getKey(), p.getValue().asText());
        }
        String metric = node.path("metric").isTextual() && !node.get("metric").asText().isBlank() ? node.get("metric").asText() : null;
        return new Selector(List.copyOf(benchmarks), params, metric);
    }
}
