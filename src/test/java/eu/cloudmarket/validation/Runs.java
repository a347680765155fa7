package eu.cloudmarket.validation;

import eu.cloudmarket.model.Market;
import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.output.RunRecorder;
import eu.cloudmarket.scenario.Scenario;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Helpers for validation tests: run a scenario (or a variant written as a small extending YAML) in-process. */
final class Runs {
    static final Path BASELINE = Path.of("configs/baseline.yaml").toAbsolutePath();

    private Runs() {
    }

    static RunRecorder run(Path config, long seed, int replication, String... sets) {
        Scenario s = new ScenarioLoader().load(config, List.of(sets), seed);
        RunRecorder rec = new RunRecorder();
        new Market(s.params(), s.events(), s.stochastic(), s.seed(), replication, rec).run();
        return rec;
    }

    /** Writes a variant of the baseline: {@code body} is YAML appended after an extends line. */
    static Path variant(Path dir, String name, String body) throws IOException {
        Path p = dir.resolve(name + ".yaml");
        Files.writeString(p, "extends: " + BASELINE + "\nname: " + name + "\n" + body);
        return p;
    }

    static int provider(RunRecorder r, String id) {
        List<ProviderQuarter> ps = r.quarters().get(0).providers();
        for (int j = 0; j < ps.size(); j++) {
            if (ps.get(j).provider().equals(id)) {
                return j;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** Mean of a per-provider quantity over quarters [from, to). */
    static double mean(RunRecorder r, String provider, int from, int to,
            java.util.function.ToDoubleFunction<ProviderQuarter> f) {
        int j = provider(r, provider);
        double s = 0;
        for (int k = from; k < to; k++) {
            s += f.applyAsDouble(r.quarters().get(k).providers().get(j));
        }
        return s / (to - from);
    }

    static List<QuarterSnapshot> quarters(RunRecorder r) {
        return new ArrayList<>(r.quarters());
    }
}
