package eu.cloudmarket.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import eu.cloudmarket.scenario.ConfigProblems;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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

    @Option(names = "--force", description = "Replace an existing --out folder.")
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
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        ChartOptions charts = chartOptions.options();
        Scenario scenario;
        try {
            Long seedValue = parseSeed(seed);
            if (replication < 0) {
                throw new ConfigException("--replication", null, "must be >= 0, was " + replication);
            }
            scenario = new ScenarioLoader().load(config, sets, seedValue);
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return CloudMarketCli.BAD_INPUT;
        } catch (ConfigProblems p) {
            p.problems().forEach(e -> err.println("error: " + e.getMessage()));
            return CloudMarketCli.BAD_INPUT;
        }
        Path target = out != null ? out : defaultFolder(scenario.name());
        ResultFolder folder;
        try {
            folder = ResultFolder.create(target, force);
        } catch (FileAlreadyExistsException e) {
            err.println("error: " + target + ": " + e.getReason());
            return CloudMarketCli.BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot create result folder " + target + ": " + e.getMessage());
            return CloudMarketCli.BAD_INPUT;
        }
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
        } catch (IOException | RuntimeException e) {
            folder.abandon();
            err.println("error: run failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return CloudMarketCli.RUN_FAILED;
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

    static Path defaultFolder(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path base = Path.of("results", name + "-" + stamp);
        Path p = base;
        for (int n = 2; Files.exists(p); n++) {
            p = Path.of("results", name + "-" + stamp + "-" + n);
        }
        return p;
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

    @SuppressWarnings("unused")
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
