package eu.cloudmarket.cli;

import eu.cloudmarket.experiment.run.RunRequest;
import eu.cloudmarket.experiment.run.SingleRun;
import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.output.ChartOptions;
import eu.cloudmarket.output.RunRecorder;
import eu.cloudmarket.scenario.BundledConfigs;
import eu.cloudmarket.scenario.ConfigException;
import java.io.PrintWriter;
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

    @Parameters(paramLabel = "CONFIG", description = "Scenario file (YAML or JSON), e.g. configs/baseline.yaml, or the name of a"
            + " bundled scenario (baseline, alibaba-lease-entry; see: scenarios), used when no such file exists.")
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

    @Option(names = "--progress", description = "Report quarters done, rate and ETA on stderr even when stderr is"
            + " not a terminal (on a terminal it is always shown); results are unaffected.")
    boolean progress;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Override
    public Integer call() {
        // Bad input (seed, replication, chart format, config, --set, --out) throws ConfigException, ConfigProblems
        // or a BAD_INPUT Failure: Errors.report maps it to exit 2.
        ChartOptions charts = chartOptions.options();
        Long seedValue = parseSeed(seed);
        if (replication < 0) {
            throw new ConfigException("--replication", null, "must be a whole number >= 0, was " + replication);
        }
        SingleRun.Result result = SingleRun.execute(new RunRequest(BundledConfigs.resolve(config), sets, seedValue,
                replication, out, force, noCharts ? null : charts), listener());
        summarise(spec.commandLine().getOut(), result.folder(), result.recorder());
        return CloudMarketCli.OK;
    }

    private SingleRun.Listener listener() {
        if (!Progress.wanted(progress)) {
            return SingleRun.Listener.NONE;
        }
        Progress p = Progress.forStderr(spec.commandLine().getErr(), "run " + config, "quarters");
        return (done, total) -> p.step(done, 0, total);
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
