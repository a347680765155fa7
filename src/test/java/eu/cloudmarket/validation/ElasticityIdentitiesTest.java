package eu.cloudmarket.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.PriceElasticities;
import eu.cloudmarket.model.PriceElasticities.Product;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.output.RunRecorder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The measured elasticities obey the identities of a discrete-choice demand in every quarter of the baseline and of
 * a storyline whose choice sets change (Alibaba excluded from the UK): providers are substitutes (own-price
 * elasticities negative, cross-price ones non-negative), and the diversion ratios from each provider, on premises
 * included, are non-negative and sum to one.
 */
class ElasticityIdentitiesTest {
    private static final double SUM_TOLERANCE = 1e-9;

    @Test
    void baselineQuartersObeyTheIdentities() {
        check(Runs.run(Runs.BASELINE, 7, 0, "buyers.count=4000"));
    }

    @Test
    void aStorylineWithExclusionsObeysTheIdentities() {
        check(Runs.run(Path.of("configs/scenarios/uk-excludes-alibaba.yaml").toAbsolutePath(), 7, 0,
                "buyers.count=4000"));
    }

    private static void check(RunRecorder r) {
        assertTrue(!r.quarters().isEmpty());
        for (QuarterSnapshot q : r.quarters()) {
            PriceElasticities e = q.elasticities();
            int nP = e.providers();
            for (Product x : Product.values()) {
                for (int k = 0; k < nP; k++) {
                    String at = q.label() + " " + x + " provider " + k;
                    double own = e.elasticity(x, k, k);
                    if (Double.isNaN(own)) {
                        continue;
                    }
                    assertTrue(own < 0, at + ": own-price elasticity " + own);
                    double sum = 0;
                    for (int to = 0; to <= nP; to++) {
                        if (to == k) {
                            continue;
                        }
                        double cross = e.elasticity(x, to, k);
                        assertTrue(Double.isNaN(cross) || cross >= 0, at + ": cross elasticity of " + to);
                        double dr = e.diversion(x, to, k);
                        assertTrue(dr >= 0, at + ": diversion to " + to + " = " + dr);
                        sum += dr;
                    }
                    assertEquals(1.0, sum, SUM_TOLERANCE, at + ": diversions");
                }
            }
        }
    }
}
