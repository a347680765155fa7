package eu.cloudmarket.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import eu.cloudmarket.experiment.RunOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * What the journals and the result files need from a sweep's manifest.json.
 *
 * @param planSha      the plan's SHA-256, which every journal header names
 * @param cells        design cells
 * @param replications replications per cell
 * @param runs         runs, reference runs included
 * @param masterSeed   master seed of every run
 * @param parameters   the swept parameters, in column order
 * @param metrics      the metric names
 * @param reference    whether the sweep has a reference scenario
 */
record SweepInfo(String planSha, int cells, int replications, int runs, long masterSeed, List<Parameter> parameters,
        List<String> metrics, boolean reference) {

    /**
     * A swept parameter as the result files show it.
     *
     * @param column  its column name
     * @param path    the dotted config path it sets
     * @param numeric whether all its values are numbers
     */
    record Parameter(String column, String path, boolean numeric) {
    }

    static SweepInfo of(JsonNode manifest) {
        List<Parameter> parameters = new ArrayList<>();
        manifest.get("parameters").forEach(p -> parameters.add(new Parameter(p.get("column").asText(),
                p.path("path").asText(), p.path("numeric").asBoolean(false))));
        List<String> metrics = new ArrayList<>();
        manifest.get("metrics").forEach(x -> metrics.add(x.asText()));
        return new SweepInfo(manifest.get("plan_sha256").asText(), manifest.get("cells").asInt(),
                manifest.get("replications").asInt(), manifest.get("runs").asInt(),
                manifest.get("master_seed").asLong(), List.copyOf(parameters), List.copyOf(metrics),
                manifest.hasNonNull("reference"));
    }

    /** The parameters' column names. */
    List<String> columns() {
        return parameters.stream().map(Parameter::column).toList();
    }

    /** Fields of a journal line (without its checksum). */
    int fields() {
        return 4 + parameters.size() + metrics.size() + 1;
    }

    /** The journal header: identifies the plan, so a journal of another sweep is never mixed in. */
    String journalHeader() {
        List<String> cols = new ArrayList<>(List.of("run_id", "cell_id", "replication", "status"));
        cols.addAll(columns());
        cols.addAll(metrics);
        cols.add("error");
        cols.add("crc32");
        return "#cloudmarket sweep journal v1 plan_sha256=" + planSha + "\n#columns: " + String.join(",", cols)
                + "\n";
    }

    /**
     * The journal fields of a finished run. Metrics are written in Java's round-trip form ({@code Double.toString}),
     * so the statistics computed later from the journal see exactly the values the run produced.
     */
    List<String> journalFields(RunOutcome o) {
        List<String> f = new ArrayList<>();
        f.add(Integer.toString(o.spec().runId()));
        f.add(o.spec().cellId());
        f.add(Integer.toString(o.spec().replication()));
        f.add(o.ok() ? "ok" : "failed");
        if (o.spec().isReference()) {
            for (int j = 0; j < parameters.size(); j++) {
                f.add("");
            }
        } else {
            o.spec().values().forEach(v -> f.add(v.text()));
        }
        double[] m = o.metrics();
        for (int j = 0; j < metrics.size(); j++) {
            f.add(m == null ? "" : Double.toString(m[j]));
        }
        f.add(o.ok() ? "" : o.error());
        return f;
    }
}
