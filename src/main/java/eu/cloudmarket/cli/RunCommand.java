package eu.cloudmarket.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.experiment.sweep.SweepKind;
import eu.cloudmarket.experiment.Failure;
import eu.cloudmarket.model.Market;
import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.output.ChartOptions;
import eu.cloudmarket.output.Metadata;
import eu.cloudmarket.output.ResultFolder;
import eu.cloudmarket.output.RunCharts;
import eu.cloudmarket.output.RunRecorder;
import eu.cloudmarket.output.RunTables;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.InputKind;
import eu.cloudmarket.scenario.InputKinds;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run CONFIG}: one scenario, one seed; writes a complete result folder or nothing. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one scenario and write CSVs, metadata and charts into a new result folder.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "Scenario file (YAML or JSON), e.g. configs/baseline.yaml.")
    Path config;

    @Option(names = "--seed", paramLabel = "N", description = "Master seed (overrides the config's seed).")
    String seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Result folder to create (default: results/<name>-<timestamp>). Never overwritten without --force.")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value by dotted path, e.g. --set buyers.count=100000. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--force", description = "Replace an existing result folder at --out (only a result folder: one"
            + " with metadata.json, or an empty one).")
    boolean force;

    @Option(names = "--no-charts", description = "Skip the charts (CSV and metadata only).")
    boolean noCharts;

    @Mixin
    ChartOptionsMixin chartOptions;

    @Option(names = "--replication", paramLabel = "R", defaultValue = "0",
            description = "Replication index r: the run uses the random streams of replication r (default 0).")
    int replication;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter outw = spec.commandLine().getOut();
        // Bad input (seed, replication, chart format, config, --set) throws ConfigException/ConfigProblems: exit 2.
        ChartOptions charts = chartOptions.options();
        Long seedValue = parseSeed(seed);
        if (replication < 0) {
            throw new ConfigException("--replication", null, "must be a whole number >= 0, was " + replication);
        }
        ScenarioLoader loader = new ScenarioLoader();
        InputKind kind = SweepKind.of(loader.readTree(config));
        if (!(kind instanceof InputKinds.Scenarios)) {
            throw new ConfigException(config.toString(), null, "is a " + kind.name() + " file, not a scenario; use"
                    + " the '" + kind.name() + "' command (or 'validate' to check it)");
        }
        Scenario scenario = loader.load(config, sets, seedValue);
        Path target = out != null ? out : ResultFolder.defaultFor(scenario.name());
        ResultFolder folder;
        try {
            folder = ResultFolder.create(target, force);
        } catch (FileAlreadyExistsException e) {
            throw Failure.badInput(e.getReason() != null ? target + ": " + e.getReason()
                    : "cannot create result folder " + target + ": " + e.getFile() + " exists and is not a folder");
        } catch (IOException | RuntimeException e) {
            throw Failure.badInput("cannot create result folder " + target + ": " + Errors.oneLine(e.getMessage()));
        }
        // Ctrl-C or a plain kill runs shutdown hooks: remove the half-written folder. (kill -9 cannot be caught;
        // its hidden .partial- folder is removed by the next run that writes beside it.)
        Thread cleanup = new Thread(folder::abandon, "cloudmarket-partial-cleanup");
        boolean hooked = addHook(cleanup);
        try {
            long t0 = System.nanoTime();
            RunRecorder rec = new RunRecorder();
            Market market = new Market(scenario.params(), scenario.events(), scenario.stochastic(), scenario.seed(),
                    replication, rec);
            market.run();
            double wall = (System.nanoTime() - t0) / 1e9;
            writeAll(folder.dir(), scenario, rec, wall, charts);
            folder.commit();
            summarise(outw, folder.target(), rec);
            return CloudMarketCli.OK;
        } catch (IOException | RuntimeException | Error e) {
            throw Failure.unexpected("run failed (no result folder was written)", e);
        } finally {
            folder.abandon();
            if (hooked) {
                removeHook(cleanup);
            }
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // shutting down: the hook runs anyway and finds nothing to clean
        }
    }

    static Long parseSeed(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("--seed", null, "must be a whole number between " + Long.MIN_VALUE + " and "
                    + Long.MAX_VALUE + ", was '" + s + "'");
        }
    }

    private void writeAll(Path dir, Scenario scenario, RunRecorder rec, double wallSeconds, ChartOptions charts)
            throws IOException {
        ObjectMapper yaml = new ScenarioLoader().yamlMapper();
        byte[] configBytes = yaml.writeValueAsBytes(scenario.resolved());
        Files.write(dir.resolve("config.yaml"), configBytes);
        RunTables.write(dir, scenario.params(), rec);
        ObjectNode meta = Metadata.base(new ObjectMapper());
        meta.put("scenario", scenario.name());
        meta.put("source", scenario.source());
        meta.put("seed", scenario.seed());
        meta.put("replication", replication);
        meta.put("buyers", scenario.params().buyerCount());
        meta.put("quarters", scenario.params().quarters());
        meta.put("wall_time_s", Math.round(wallSeconds * 1000) / 1000.0);
        meta.put("config_sha256", Metadata.sha256(configBytes));
        var setsNode = meta.putArray("overrides");
        sets.forEach(setsNode::add);
        Metadata.write(dir.resolve("metadata.json"), meta);
        if (!noCharts) {
            RunCharts.render(dir, charts);
        }
    }

    private static void summarise(PrintWriter out, Path folder, RunRecorder rec) {
        List<QuarterSnapshot> qs = rec.quarters();
        if (qs.isEmpty()) {
            out.println("results: " + folder);
            return;
        }
        QuarterSnapshot first = qs.get(0);
        QuarterSnapshot last = qs.get(qs.size() - 1);
        out.printf(Locale.ROOT, "results: %s%n", folder);
        out.printf(Locale.ROOT, "%-10s %10s %10s%n", "provider", first.label(), last.label());
        for (int j = 0; j < last.providers().size(); j++) {
            ProviderQuarter a = first.providers().get(j);
            ProviderQuarter b = last.providers().get(j);
            out.printf(Locale.ROOT, "%-10s %9.1f%% %9.1f%%%n", b.provider(), 100 * a.revenueShare(),
                    100 * b.revenueShare());
        }
        out.printf(Locale.ROOT, "market revenue: EUR %.1fbn/quarter -> EUR %.1fbn/quarter; %d events fired%n",
                first.marketRevenue(), last.marketRevenue(), rec.events().size());
        out.flush();
    }
}
