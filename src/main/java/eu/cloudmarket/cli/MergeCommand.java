package eu.cloudmarket.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eu.cloudmarket.output.SweepJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code merge SWEEP_DIR}: joins the journals of all shards of a sweep into runs.csv, cells.csv and the sweep
 * charts, byte-identical to a single-machine sweep. Refuses (exit 2) while any run is missing, naming the shards and
 * runs that are.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join the shards of a sweep (sweep --shard I/N) into runs.csv, cells.csv and the charts.",
            "Refuses an incomplete set of shards, naming the missing shards and runs."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SWEEP_DIR",
            description = "The sweep folder the shards wrote into (--out of sweep --shard).")
    Path dir;

    @Option(names = "--no-charts", description = "Skip the sweep charts.")
    boolean noCharts;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "png",
            description = "Chart format (png).")
    List<String> formats;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        for (String f : formats) {
            if (!f.trim().equalsIgnoreCase("png")) {
                err.println("error: --format: sweep charts are written as png; '" + f + "' is not supported");
                return CloudMarketCli.BAD_INPUT;
            }
        }
        if (!Files.isDirectory(dir)) {
            err.println("error: " + dir + ": no such sweep folder");
            return CloudMarketCli.BAD_INPUT;
        }
        if (!Files.exists(dir.resolve(SweepOutputs.MANIFEST))) {
            err.println("error: " + dir + ": not a sweep folder (no " + SweepOutputs.MANIFEST + ")");
            return CloudMarketCli.BAD_INPUT;
        }
        long t0 = System.nanoTime();
        try {
            JsonNode manifest = SweepOutputs.readManifest(dir);
            SweepOutputs.Info info = SweepOutputs.info(manifest);
            List<Path> journals = SweepOutputs.journals(dir);
            if (journals.isEmpty()) {
                err.println("error: " + dir + ": no journals yet (no shard has started): nothing to merge");
                return CloudMarketCli.BAD_INPUT;
            }
            TreeSet<Integer> counts = new TreeSet<>();
            TreeSet<Integer> present = new TreeSet<>();
            for (Path j : journals) {
                Matcher m = SweepOutputs.SHARD_FILE.matcher(j.getFileName().toString());
                if (m.matches() && j.getParent().getFileName().toString().equals(SweepOutputs.SHARDS)) {
                    counts.add(Integer.parseInt(m.group(2)));
                    present.add(Integer.parseInt(m.group(1)));
                }
            }
            BitSet missing;
            try (SweepOutputs.Index idx = SweepOutputs.Index.build(info, journals)) {
                missing = idx.missing();
            }
            if (!missing.isEmpty()) {
                reportMissing(err, missing, counts, present, info);
                return CloudMarketCli.BAD_INPUT;
            }
            return SweepCommand.finish(dir, info, null, null, 1, (System.nanoTime() - t0) / 1e9, noCharts,
                    eu.cloudmarket.output.ChartOptions.DEFAULT, out, err);
        } catch (SweepJournal.ForeignJournalException e) {
            err.println("error: " + e.getMessage());
            return CloudMarketCli.BAD_INPUT;
        } catch (IOException | RuntimeException e) {
            err.println("error: merge failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return CloudMarketCli.RUN_FAILED;
        }
    }

    private void reportMissing(PrintWriter err, BitSet missing, TreeSet<Integer> counts, TreeSet<Integer> present,
            SweepOutputs.Info info) {
        err.println("error: " + dir + ": incomplete sweep: " + missing.cardinality() + " of " + info.runs()
                + " runs are missing; not merging");
        if (counts.size() == 1) {
            int n = counts.first();
            StringBuilder shards = new StringBuilder();
            for (Map.Entry<Integer, BitSet> e : SweepOutputs.byShard(missing, n).entrySet()) {
                int shard = e.getKey();
                BitSet runs = e.getValue();
                err.println("  shard " + shard + "/" + n + ": " + (present.contains(shard) ? runs.cardinality()
                        + " runs missing" : "no journal (never started)") + ": run_id "
                        + SweepOutputs.describeRuns(runs, 20));
                shards.append(shards.length() == 0 ? "" : ",").append(shard);
            }
            err.println("  missing shards: " + shards + " of " + n + "; rerun each with: sweep SWEEP --out " + dir
                    + " --shard I/" + n + " --resume");
        } else {
            err.println("  missing run_id " + SweepOutputs.describeRuns(missing, 40)
                    + (counts.isEmpty() ? "" : " (shard journals of " + counts + " shards found)"));
        }
        err.flush();
    }
}
