package eu.cloudmarket.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.model.ProviderQuarter;
import eu.cloudmarket.model.QuarterSnapshot;
import eu.cloudmarket.output.RunRecorder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direction checks (issue 9, validation 3): each mechanism moves the market the way economics says it must. Each
 * comparison uses common random numbers (same seed and replication) and sums over three seeds.
 */
class ModelDirectionTest {
    static final String[] SMALL = {"buyers.count=8000", "horizon.quarters=16", "horizon.truncateEvents=true"};
    static final long[] SEEDS = {101, 202, 303};

    @TempDir
    Path tmp;

    @Test
    void exportTighteningOnChinaLowersAlibabaAiCapacityAndRaisesItsAiPrice() throws Exception {
        Path tight = Runs.variant(tmp, "tight", """
                dropEvents: [h20-levy, h200-levy]
                """);
        double capBase = 0;
        double capTight = 0;
        double priceBase = 0;
        double priceTight = 0;
        for (long seed : SEEDS) {
            RunRecorder b = Runs.run(Runs.BASELINE, seed, 0, SMALL);
            RunRecorder t = Runs.run(tight, seed, 0, SMALL);
            capBase += Runs.mean(b, "alibaba", 6, 16, ProviderQuarter::capacityAi);
            capTight += Runs.mean(t, "alibaba", 6, 16, ProviderQuarter::capacityAi);
            priceBase += Runs.mean(b, "alibaba", 6, 16, ProviderQuarter::priceAi);
            priceTight += Runs.mean(t, "alibaba", 6, 16, ProviderQuarter::priceAi);
        }
        assertTrue(capTight < capBase, "Alibaba AI capacity: tight " + capTight + " vs " + capBase);
        assertTrue(priceTight > priceBase, "Alibaba AI price: tight " + priceTight + " vs " + priceBase);
    }

    @Test
    void aSovereigntyShockAgainstUsJurisdictionHitsPublicSectorMoreThanSmes() throws Exception {
        Path calm = Runs.variant(tmp, "calm", "dropEvents: [ms-senate, sovereignty-package]\n");
        Path shock = Runs.variant(tmp, "shock", """
                dropEvents: [ms-senate, sovereignty-package]
                events:
                  - {at: 2025Q2, type: sovereignty_shock, targetOrigin: US, deltaBeta: {public: 1.0, regulated: 0.6, large: 0.3, sme: 0.1, ailab: 0.1}, halfLifeQuarters: 40}
                """);
        double dropPublic = 0;
        double dropSme = 0;
        for (long seed : SEEDS) {
            RunRecorder c = Runs.run(calm, seed, 0, SMALL);
            RunRecorder s = Runs.run(shock, seed, 0, SMALL);
            dropPublic += usShare(c, 0) - usShare(s, 0);
            dropSme += usShare(c, 3) - usShare(s, 3);
        }
        assertTrue(dropPublic > 0, "the shock must lower US providers' public-sector share: " + dropPublic);
        assertTrue(dropPublic > dropSme, "public drop " + dropPublic + " vs SME drop " + dropSme);
    }

    /** US providers' mean revenue share in segment g over quarters 8..15. */
    private static double usShare(RunRecorder r, int g) {
        double s = 0;
        for (int k = 8; k < 16; k++) {
            QuarterSnapshot q = r.quarters().get(k);
            for (int j = 0; j < q.providers().size(); j++) {
                String id = q.providers().get(j).provider();
                if (id.equals("aws") || id.equals("azure") || id.equals("google") || id.equals("other")) {
                    s += q.segmentShares()[g][j];
                }
            }
        }
        return s / 8;
    }

    @Test
    void abolishingEgressFeesRaisesSwitching() throws Exception {
        StringBuilder zero = new StringBuilder("dropEvents: [data-act, data-act-ban]\nproviders:\n");
        StringBuilder full = new StringBuilder("dropEvents: [data-act, data-act-ban]\nproviders:\n");
        for (String p : new String[] {"aws", "azure", "google", "eu", "alibaba", "other"}) {
            zero.append("  ").append(p).append(": {egressLevel: 0.0}\n");
            full.append("  ").append(p).append(": {egressLevel: 1.0}\n");
        }
        Path free = Runs.variant(tmp, "free", zero.toString());
        Path fees = Runs.variant(tmp, "fees", full.toString());
        long switchesFree = 0;
        long switchesFees = 0;
        for (long seed : SEEDS) {
            switchesFree += providerSwitches(Runs.run(free, seed, 0, SMALL));
            switchesFees += providerSwitches(Runs.run(fees, seed, 0, SMALL));
        }
        assertTrue(switchesFree > switchesFees, "switches without egress fees " + switchesFree + " vs with "
                + switchesFees);
    }

    /** Buyers moving from one cloud provider to another (not to or from on premises). */
    private static long providerSwitches(RunRecorder r) {
        long n = 0;
        for (QuarterSnapshot q : r.quarters()) {
            int[][] f = q.flows();
            int p = q.providers().size();
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    if (a != b) {
                        n += f[a][b];
                    }
                }
            }
        }
        return n;
    }
}
