package eu.cloudmarket.cli;

import eu.cloudmarket.scenario.ConfigException;
import eu.cloudmarket.scenario.ConfigProblems;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scenarios}: lists the bundled scenarios with their description and question. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "List the bundled scenarios (configs/ and configs/scenarios/) with their descriptions.")
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "configs",
            description = "Folder holding the scenarios (default: configs).")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println("error: " + dir + ": no such folder; run from the project folder or pass --dir");
            return CloudMarketCli.BAD_INPUT;
        }
        List<Path> files = new ArrayList<>();
        try {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
            Path stories = dir.resolve("scenarios");
            if (Files.isDirectory(stories)) {
                try (Stream<Path> s = Files.list(stories)) {
                    s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
                }
            }
        } catch (IOException e) {
            err.println("error: cannot list " + dir + ": " + e.getMessage());
            return CloudMarketCli.BAD_INPUT;
        }
        ScenarioLoader loader = new ScenarioLoader();
        int bad = 0;
        for (Path f : files) {
            try {
                Scenario s = loader.load(f);
                out.printf("%-28s %s%n", s.name(), f);
                out.printf("    %s%n", s.description());
                if (!s.question().isEmpty()) {
                    out.printf("    Question: %s%n", s.question());
                }
                eu.cloudmarket.engine.QuarterClock clock =
                        eu.cloudmarket.engine.QuarterClock.startingAt(s.params().startQuarter());
                out.printf("    %s-%s, %d buyers, %d dated events; run: java -jar target/cloudmarket.jar run %s%n",
                        clock.label(0), clock.label(s.params().quarters() - 1), s.params().buyerCount(),
                        s.events().size(), f);
            } catch (ConfigException | ConfigProblems e) {
                bad++;
                out.printf("%-28s %s%n    (invalid: %s)%n", f.getFileName(), f, e.getMessage());
            }
        }
        out.flush();
        return bad == 0 ? CloudMarketCli.OK : CloudMarketCli.BAD_INPUT;
    }
}
