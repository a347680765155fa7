package eu.cloudmarket.bench;

import eu.cloudmarket.model.Market;
import eu.cloudmarket.output.RunRecorder;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the bundled baseline scenario for the benchmarks, with {@code --set}-style overrides. */
public final class BenchScenarios {
    private BenchScenarios() {
    }

    /**
     * The baseline config: {@code configs/baseline.yaml} under the working directory (Maven runs benchmarks from the
     * project folder), or the file named by the system property {@code cloudmarket.config}.
     */
    public static Path baselineConfig() {
        Path p = Path.of(System.getProperty("cloudmarket.config", "configs/baseline.yaml"));
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("baseline config not found at " + p.toAbsolutePath()
                    + "; run from the project folder or set -Dcloudmarket.config=PATH");
        }
        return p;
    }

    /** The baseline with overrides such as {@code buyers.count=1000000}. */
    public static Scenario baseline(String... sets) {
        List<String> list = new ArrayList<>(List.of(sets));
        return new ScenarioLoader().load(baselineConfig(), list, null);
    }

    /** One run as the {@code run} command does it, minus file output: build the market and run the horizon. */
    public static RunRecorder runOnce(Scenario s, int replication) {
        RunRecorder rec = new RunRecorder();
        Market m = new Market(s.params(), s.events(), s.stochastic(), s.seed(), replication, rec);
        m.run();
        return rec;
    }
}
