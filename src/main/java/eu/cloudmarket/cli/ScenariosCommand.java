package eu.cloudmarket.cli;

import eu.cloudmarket.engine.QuarterClock;
import eu.cloudmarket.scenario.BundledConfigs;
import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.ConfigProblems;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scenarios}: lists the scenarios bundled in the jar (or those of a folder) with their description and
 * question; {@code --copy DIR} writes editable copies of the bundled configs.
 */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = {"List the scenarios bundled in the jar (works from any folder) with their descriptions;"
                + " run one by name, e.g. run baseline.",
            "--copy DIR writes editable copies of all bundled configs (scenarios and sweeps) into DIR."})
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "List the scenarios in this folder (its *.yaml and scenarios/*.yaml) instead of the bundled"
                    + " ones.")
    Path dir;

    @Option(names = "--copy", paramLabel = "DIR",
            description = "Write editable copies of the bundled configs into DIR (baseline.yaml, scenarios/, sweeps/);"
                    + " existing files are never replaced without --force.")
    Path copy;

    @Option(names = "--force", description = "With --copy: replace existing copies.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (copy != null) {
            return copyBundle(out, err);
        }
        if (force) {
            throw new ConfigException("--force", null, "only used with --copy DIR");
        }
        List<Path> files;
        try {
            files = dir == null ? BundledConfigs.scenarios() : listed(dir);
        } catch (IOException e) {
            err.println("error: cannot list " + (dir == null ? "the bundled scenarios" : dir) + ": " + e.getMessage());
            return CloudMarketCli.BAD_INPUT;
        }
        if (files == null) {
            err.println("error: " + dir + ": no such folder (without --dir the bundled scenarios are listed)");
            return CloudMarketCli.BAD_INPUT;
        }
        return list(out, files, dir == null) == 0 ? CloudMarketCli.OK : CloudMarketCli.BAD_INPUT;
    }

    /** The scenarios of a folder: its *.yaml and scenarios/*.yaml; null if it is not a folder. */
    private static List<Path> listed(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        List<Path> files = new ArrayList<>(BundledConfigs.yamlFiles(folder));
        files.addAll(BundledConfigs.yamlFiles(folder.resolve("scenarios")));
        return files;
    }

    /** Prints each scenario; returns how many could not be read. */
    private static int list(PrintWriter out, List<Path> files, boolean bundled) {
        ScenarioLoader loader = new ScenarioLoader();
        int bad = 0;
        for (Path f : files) {
            String shown = bundled ? "bundled: " + BundledConfigs.relativeName(f) : f.toString();
            String runArg = bundled ? f.getFileName().toString().replaceFirst("\\.yaml$", "") : f.toString();
            try {
                Scenario s = loader.load(f);
                out.printf("%-28s %s%n", s.name(), shown);
                out.printf("    %s%n", s.description());
                if (!s.question().isEmpty()) {
                    out.printf("    Question: %s%n", s.question());
                }
                QuarterClock clock = QuarterClock.startingAt(s.params().startQuarter());
                out.printf("    %s-%s, %d buyers, %d dated events; run: java -jar cloudmarket.jar run %s%n",
                        clock.label(0), clock.label(s.params().quarters() - 1), s.params().buyerCount(),
                        s.events().size(), runArg);
            } catch (ConfigException | ConfigProblems e) {
                bad++;
                out.printf("%-28s %s%n    (invalid: %s)%n", f.getFileName(), shown, e.getMessage());
            }
        }
        out.flush();
        return bad;
    }

    private int copyBundle(PrintWriter out, PrintWriter err) {
        try {
            List<String> written = BundledConfigs.copyTo(copy, force);
            for (String n : written) {
                out.println("wrote " + copy.resolve(n));
            }
            out.println(written.size() + " config(s) copied; run one with: java -jar cloudmarket.jar run "
                    + copy.resolve("baseline.yaml"));
            out.flush();
            return CloudMarketCli.OK;
        } catch (FileAlreadyExistsException e) {
            err.println("error: " + e.getFile() + ": " + e.getReason());
        } catch (IOException e) {
            err.println("error: cannot copy the bundled configs into " + copy + ": " + Errors.oneLine(e.getMessage()));
        }
        err.flush();
        return CloudMarketCli.BAD_INPUT;
    }
}
